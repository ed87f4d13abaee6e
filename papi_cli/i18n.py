"""User-facing labels in Vietnamese (default) and English (``--lang en``).

Data from the plan (task texts, agency names) stays as the decision wrote it; these are the
words papi itself puts around it.
"""

from __future__ import annotations

LANGS = ("vi", "en")

LABELS: dict[str, tuple[str, str]] = {
    # catalogue (papi tasks)
    "code": ("Mã", "Code"),
    "task": ("Nhiệm vụ", "Task"),
    "target": ("Chỉ tiêu", "Target"),
    "lead": ("Chủ trì", "Lead"),
    "implementers": ("Thực hiện", "Implementers"),
    "due": ("Hạn", "Due"),
    "kind": ("Loại", "Kind"),
    "dimension": ("Lĩnh vực", "Dimension"),
    "ongoing": ("thường xuyên", "ongoing"),
    "leads_mark": ("chủ trì", "lead"),
    "implements_mark": ("phối hợp", "implementer"),
    "tasks_title": ("Danh mục nhiệm vụ — {plan} ({year})", "Task catalogue — {plan} ({year})"),
    "tasks_of": ("Nhiệm vụ của {agency}", "Tasks of {agency}"),
    "tasks_count": ("{tasks} nhiệm vụ, {indicators} chỉ tiêu", "{tasks} tasks, {indicators} indicators"),
    "kind.coverage": ("độ phủ", "coverage"),
    "kind.ratio": ("tỷ lệ", "ratio"),
    "kind.percent": ("phần trăm", "percent"),
    "kind.count": ("số lần", "count"),
    "kind.milestone": ("mốc", "milestone"),
    "population.communes": ("xã", "communes"),
    "population.districts": ("huyện", "districts"),
    # validate
    "checked": (
        "Đã kiểm tra {files} tệp ({plan} tệp kế hoạch, {submissions} tệp báo cáo, {results} kết quả): {errors} lỗi, {warnings} cảnh báo.",
        "Checked {files} files ({plan} plan files, {submissions} submissions, {results} results): {errors} errors, {warnings} warnings.",
    ),
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    # papi new (the comments of a skeleton submission)
    "new.header": (
        "Báo cáo {period} ({code}) của {agency} về thực hiện Kế hoạch cải thiện Chỉ số PAPI (Quyết định {decision}).",
        "Report for {period} ({code}) of {agency} on the PAPI improvement plan (Decision {decision}).",
    ),
    "new.howto": (
        "Cách điền: docs/huong-dan-nop-bao-cao.md. Điền các trường để trống của mỗi chỉ tiêu (chỉ những trường có số liệu), xóa chỉ tiêu không có gì để báo cáo trong quý, rồi kiểm tra: papi validate {file}",
        "How to fill it in: docs/huong-dan-nop-bao-cao.md. Fill the empty fields of each indicator (only those you have figures for), delete the indicators with nothing to report this quarter, then check: papi validate {file}",
    ),
    "new.submitted_on": ("ngày gửi báo cáo, YYYY-MM-DD (không trước {start})", "date the report is sent, YYYY-MM-DD (not before {start})"),
    "new.implementation_document": (
        "Văn bản triển khai Kế hoạch của cơ quan (hạn {due}): bỏ dấu # ở ba dòng dưới để khai báo.",
        "The agency's document implementing the plan (due {due}): remove the # of the three lines below to declare it.",
    ),
    "new.leads": ("Chỉ tiêu của nhiệm vụ cơ quan chủ trì", "Indicators of the tasks the agency leads"),
    "new.implements": ("Chỉ tiêu của nhiệm vụ cơ quan phối hợp thực hiện", "Indicators of the tasks the agency implements"),
    "new.units": (
        "{population} đã thực hiện: slug hoặc mã, ví dụ [{example}]; all = mọi {population} cơ quan được báo cáo",
        "{population} covered: slug or code, e.g. [{example}]; all = every unit you may report",
    ),
    "new.no_units": (
        "Cơ quan không được liệt kê đơn vị nào ở chỉ tiêu này: chỉ báo cáo status, evidence, note.",
        "The agency may not list any unit for this indicator: report status, evidence and note only.",
    ),
    "new.measure": ("Đo", "Measure"),
    "new.flow": ("số phát sinh trong quý", "this quarter's figure"),
    "new.stock": ("số tính đến ngày báo cáo", "the figure as it stands now"),
    "new.percent": ("số từ 0 đến 100, không có dấu %", "a number from 0 to 100, without %"),
    "new.count": ("{counts}: số lần trong quý", "{counts}: how many this quarter"),
    "new.status": ("not_started | in_progress | done", "not_started | in_progress | done"),
    "new.status_milestone": (
        "not_started | in_progress | done (done cần ít nhất một evidence)",
        "not_started | in_progress | done (done needs at least one evidence)",
    ),
    "new.evidence": ('văn bản minh chứng, ví dụ ["Kế hoạch số …/KH-… ngày …"]', 'evidence, e.g. ["Kế hoạch số …/KH-… ngày …"]'),
    "new.note": ("ghi chú ngắn (không bắt buộc)", "a short note (optional)"),
    "new.created": (
        "Đã tạo {file}: {indicators} chỉ tiêu ({leads} chủ trì, {others} phối hợp). Điền số liệu, rồi kiểm tra: papi validate {file}",
        "Created {file}: {indicators} indicators ({leads} led, {others} implemented). Fill it in, then check: papi validate {file}",
    ),
    "new.exists": (
        "Tệp {file} đã có; papi new không ghi đè. Hãy sửa chính tệp đó (hoặc xóa nó trước nếu muốn tạo lại).",
        "The file {file} already exists; papi new never overwrites. Edit that file (or delete it first to start again).",
    ),
    # papi schema
    "schema.title": (
        "Tệp báo cáo quý thực hiện Quyết định {decision} (năm {year})",
        "Quarterly report file under Decision {decision} ({year})",
    ),
    "schema.agency": ("Mã cơ quan, trùng tên tệp", "The agency code, the same as the file name"),
    "schema.submitted_on": ("Ngày gửi báo cáo (YYYY-MM-DD)", "The date the report is sent (YYYY-MM-DD)"),
    "schema.status": ("Tình trạng thực hiện", "Progress"),
    "schema.evidence": ("Văn bản minh chứng", "Evidence documents"),
    "schema.units": (
        "Đơn vị đã thực hiện (slug hoặc mã), hoặc all: mọi đơn vị cơ quan được báo cáo",
        "Units covered (slug or code), or all: every unit the agency may report",
    ),
    # papi codeowners
    "codeowners.header": (
        "Tạo bởi 'papi codeowners' từ {plan}; đừng sửa tay: đổi owners trong kế hoạch rồi chạy lại lệnh.",
        "Written by 'papi codeowners' from {plan}; do not edit by hand: change the owners in the plan and run it again.",
    ),
    "codeowners.missing": (
        "Không có người duyệt (owners) cho: {agencies}",
        "No owners for: {agencies}",
    ),
    "submissions_not_checked": (
        "Chưa kiểm tra các tệp báo cáo vì kế hoạch có lỗi; hãy sửa kế hoạch trước.",
        "The submission files were not checked because the plan has errors; fix the plan first.",
    ),
    # outcome (papi outcome, annual report)
    "outcome_title": (
        "Kết quả Chỉ số PAPI {year} của tỉnh {province} so với mục tiêu 1.3 (trung bình cao trở lên)",
        "PAPI {year} results of {province} against goal 1.3 (high-average or above)",
    ),
    "score": ("Điểm", "Score"),
    "rank": ("Xếp hạng", "Rank"),
    "group": ("Nhóm", "Group"),
    "median": ("Trung vị", "Median"),
    "meets_goal": ("Đạt mục tiêu", "Meets goal"),
    "aggregate": ("Chỉ số tổng hợp", "Aggregate"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "group.highest": ("cao nhất", "highest"),
    "group.high_average": ("trung bình cao", "high-average"),
    "group.low_average": ("trung bình thấp", "low-average"),
    "group.lowest": ("thấp nhất", "lowest"),
    "outcome_summary": (
        "{met}/{total} lĩnh vực đạt trung bình cao trở lên: mục tiêu 1.3 {verdict}.",
        "{met}/{total} dimensions are high-average or above: goal 1.3 {verdict}.",
    ),
    "goal_met": ("đã đạt", "is met"),
    "goal_not_met": ("chưa đạt", "is not met"),
    "scores_source": ("Nguồn điểm: {file}", "Scores from: {file}"),
    # periods (papi_cli/periods.py)
    "period.quarter": ("Quý {roman}/{year}", "Q{n} {year}"),
    "period.half": ("6 tháng đầu năm {year}", "first half of {year}"),
    "period.nine_months": ("9 tháng năm {year}", "first nine months of {year}"),
    "period.year": ("Năm {year}", "year {year}"),
    # status (papi status; also the reports)
    "status.met": ("đạt", "met"),
    "status.met_late": ("đạt (chậm)", "met (late)"),
    "status.on_track": ("đúng tiến độ", "on track"),
    "status.at_risk": ("có nguy cơ không đạt", "at risk"),
    "status.missed": ("không đạt", "missed"),
    "status.no_data": ("chưa có số liệu", "no data"),
    "result.not_started": ("chưa bắt đầu", "not started"),
    "result.in_progress": ("đang thực hiện", "in progress"),
    "result.done": ("đã hoàn thành", "done"),
    "state.on_time": ("đúng hạn", "on time"),
    "state.late": ("nộp muộn", "late"),
    "state.missing": ("chưa nộp", "missing"),
    "state.pending": ("chưa đến hạn", "not yet due"),
    "value": ("Kết quả", "Value"),
    "progress": ("Tiến độ", "Progress"),
    "status": ("Trạng thái", "Status"),
    "agency": ("Cơ quan", "Agency"),
    "period": ("Kỳ", "Period"),
    "deadline": ("Hạn nộp", "Deadline"),
    "submitted_on": ("Ngày nộp", "Submitted"),
    "state": ("Tình trạng", "State"),
    "number": ("Số văn bản", "Number"),
    "date": ("Ngày", "Date"),
    "total": ("Tổng", "Total"),
    "overall": ("Toàn tỉnh", "Overall"),
    "status_title": ("Tình hình thực hiện {plan} — tính đến {date}", "Progress of {plan} — as of {date}"),
    "status_period": ("Kỳ báo cáo: {period} (các quý đến hết kỳ)", "Reporting period: {period} (the quarters up to its end)"),
    "status_counted": (
        "Đã tính {counted}/{files} tệp báo cáo hợp lệ (nộp đến {date}).",
        "Counted {counted} of {files} valid submission files (submitted by {date}).",
    ),
    "status_skipped": (
        "Bỏ qua {n} tệp báo cáo không hợp lệ (chạy 'papi validate' để xem lỗi): {files}",
        "Skipped {n} invalid submission files (run 'papi validate' for the errors): {files}",
    ),
    "missing_units": ("Còn thiếu: {units}", "Still missing: {units}"),
    "summary_title": ("Tổng hợp theo lĩnh vực", "Summary by dimension"),
    "reporting_title": ("Báo cáo định kỳ nộp muộn hoặc chưa nộp", "Periodic reports late or missing"),
    "reporting_counts": (
        "Báo cáo định kỳ: {on_time} đúng hạn, {late} nộp muộn, {missing} chưa nộp, {pending} chưa đến hạn.",
        "Periodic reports: {on_time} on time, {late} late, {missing} missing, {pending} not yet due.",
    ),
    "reporting_none_owed": ("Không có báo cáo định kỳ nào phải nộp.", "No periodic report is owed."),
    "docs_title": (
        "Văn bản triển khai Kế hoạch chưa đúng hạn (hạn {deadline})",
        "Implementation documents not on time (due {deadline})",
    ),
    "docs_counts": (
        "Văn bản triển khai (hạn {deadline}): {on_time} đúng hạn, {late} muộn hoặc chưa có, {open} chưa đến hạn.",
        "Implementation documents (due {deadline}): {on_time} on time, {late} late or none, {open} not yet due.",
    ),
    "doc.late": ("ban hành muộn", "issued late"),
    "doc.none": ("chưa có", "none"),
    # report (papi report; the layout of Decree 30/2020)
    "report.republic": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "report.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "report.number_prefix": ("Số:", "No.:"),
    "report.title": ("BÁO CÁO", "REPORT"),
    "report.summary_line": ("Kết quả thực hiện {title}, {period}", "Implementation of the {title}: {period}"),
    "report.summary_line_year": ("Kết quả thực hiện {title}", "Implementation of the {title}"),
    "report.basis_line": (
        "(Theo Quyết định số {number} ngày {date} của {issuer})",
        "(Decision No. {number} of {date}, {issuer})",
    ),
    "report.span": ("từ {start} đến {end}", "{start} to {end}"),
    "report.period": ("Kỳ báo cáo", "Reporting period"),
    "report.cumulative": (
        "Số liệu lũy kế từ đầu năm kế hoạch đến hết kỳ.",
        "Figures are cumulative from the start of the plan year to the end of the period.",
    ),
    "report.data_window": ("Kỳ số liệu", "Data window"),
    "report.as_of": ("tính đến ngày", "as of"),
    "report.data_version": ("Phiên bản dữ liệu", "Data version"),
    "report.version_unknown": ("không xác định (không phải kho git)", "unknown (not a git checkout)"),
    "report.version_dirty": ("{commit} (có thay đổi chưa commit)", "{commit} (with uncommitted changes)"),
    "report.files": ("đã tính {counted}/{read} tệp báo cáo hợp lệ.", "{counted} of {read} valid submission files counted."),
    "report.overall_title": ("Tình hình chung", "Overview"),
    "report.overall_text": (
        "Đến hết kỳ, {met}/{total} chỉ tiêu của Kế hoạch đạt ({share}).",
        "By the end of the period, {met} of the plan's {total} indicators are met ({share}).",
    ),
    "report.indicators": ("Số chỉ tiêu", "Indicators"),
    "report.indicator": ("Nội dung", "Indicator"),
    "report.dimensions_title": ("Kết quả theo từng lĩnh vực", "Results by dimension"),
    "report.chart_title": ("Trạng thái các chỉ tiêu theo lĩnh vực", "Indicator statuses by dimension"),
    "report.met_share": ("Tỷ lệ đạt", "Share met"),
    "report.reporting_title": ("Tình hình báo cáo của các cơ quan, đơn vị", "Reporting by the agencies"),
    "report.no_late_reports": ("Không có báo cáo nộp muộn hoặc chưa nộp.", "No report is late or missing."),
    "report.documents_title": ("Văn bản triển khai Kế hoạch", "Implementation documents"),
    "report.next_title": ("Nhiệm vụ đến hạn trong kỳ tới", "Due in the next period"),
    "report.next_text": (
        "Kỳ tới: {period} (kỳ số liệu {window}); hạn nộp báo cáo: {deadline}.",
        "Next period: {period} (data window {window}); reports due: {deadline}.",
    ),
    "report.nothing_due": ("Không có chỉ tiêu nào đến hạn trong kỳ tới.", "No indicator falls due in the next period."),
    "report.plan_ends": (
        "Kế hoạch năm {year} kết thúc ngày {date}; không còn kỳ báo cáo nào của Kế hoạch.",
        "The {year} plan ends on {date}; it has no further reporting period.",
    ),
    "report.outcome_title": ("Kết quả Chỉ số PAPI năm {year}", "PAPI {year} results"),
    "report.indicators_met": ("Chỉ tiêu đạt", "Indicators met"),
    "report.recipients": ("Nơi nhận:", "Recipients:"),
    "report.annex_title": ("PHỤ LỤC", "ANNEX"),
    "report.annex_subtitle": (
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH, {period}",
        "RESULTS OF THE PLAN'S TASKS, {period}",
    ),
    "report.annex_attached": (
        "(Kèm theo Báo cáo số {number} ngày {date} của {issuer})",
        "(Attached to report No. {number} of {date}, {issuer})",
    ),
    "report.col.stt": ("STT", "No."),
    "report.col.task": ("Nhiệm vụ trọng tâm", "Key task"),
    "report.col.target": ("Chỉ tiêu", "Target"),
    "report.col.lead": ("Đầu mối chủ trì", "Lead"),
    "report.col.implementers": ("Đơn vị thực hiện", "Implementers"),
    "report.col.timeframe": ("Thời gian thực hiện", "Timeframe"),
    "report.col.result": ("Kết quả thực hiện", "Results"),
    "report.in_period": ("Báo cáo trong kỳ", "Reported in the period"),
    "report.nothing_new": ("không có số liệu mới", "no new figures"),
    "report.missing_many": ("Còn thiếu {n}, trong đó: {units}…", "{n} still missing, among them: {units}…"),
    "report.evidence": ("Minh chứng", "Evidence"),
    "report.notes": ("Ghi chú", "Notes"),
    "report.written": ("Đã ghi {file}", "Wrote {file}"),
    # failures
    "internal_error": (
        "papi: lỗi nội bộ (đây là lỗi của chương trình, không phải của dữ liệu). Chi tiết đã ghi vào {log}; xin gửi tệp này khi báo lỗi.",
        "papi: internal error (a bug in papi, not in your data). Details were written to {log}; please attach it to a bug report.",
    ),
    "plan_invalid": (
        "Kế hoạch có lỗi; chạy 'papi validate' để xem chi tiết.",
        "The plan has errors; run 'papi validate' for details.",
    ),
}


def t(key: str, lang: str = "vi", **args: object) -> str:
    """The label ``key`` in ``lang``, formatted with ``args``."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    text = pair[1 if lang == "en" else 0]
    return text.format(**args) if args else text
