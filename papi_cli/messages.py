"""The words of every problem, in Vietnamese (default) and English, keyed by the problem code.

A message names the offending value and says what is allowed, so a clerk can fix the file
without asking. Templates use ``str.format`` fields filled from ``Problem.args``.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reading and YAML syntax -------------------------------------------------------------
    "file-too-large": (
        "Tệp quá lớn ({size} byte); giới hạn là {limit} byte (1 MiB).",
        "The file is too large ({size} bytes); the limit is {limit} bytes (1 MiB).",
    ),
    "binary-file": (
        "Tệp chứa byte NUL: đây không phải tệp văn bản.",
        "The file contains a NUL byte: it is not a text file.",
    ),
    "not-utf8": (
        "Byte {byte} không phải UTF-8. Hãy lưu tệp với bảng mã UTF-8.",
        "Byte {byte} is not UTF-8. Save the file with the UTF-8 encoding.",
    ),
    "empty-file": ("Tệp rỗng: không có nội dung YAML.", "The file is empty: there is no YAML content."),
    "yaml-syntax": ("Lỗi cú pháp YAML: {detail}.", "YAML syntax error: {detail}."),
    "tab-indent": (
        "Dùng ký tự Tab để thụt lề; YAML chỉ cho phép dấu cách.",
        "A Tab is used for indentation; YAML allows only spaces.",
    ),
    "multiple-documents": (
        "Tệp có nhiều hơn một tài liệu YAML (dấu ---); mỗi tệp chỉ được một.",
        "The file holds more than one YAML document (---); one per file.",
    ),
    "yaml-tag": (
        "Thẻ YAML {tag} không được phép; chỉ dùng giá trị thông thường.",
        "The YAML tag {tag} is not allowed; use plain values only.",
    ),
    "yaml-merge-key": (
        "Khóa gộp '<<' không được hỗ trợ; hãy viết đầy đủ các trường.",
        "Merge keys ('<<') are not supported; write the fields out.",
    ),
    "yaml-alias-bomb": (
        "Các bí danh (alias *…) mở rộng quá {limit} nút; hãy viết giá trị trực tiếp.",
        "Aliases (*…) expand beyond {limit} nodes; write the values out.",
    ),
    "yaml-too-deep": (
        "Cấu trúc lồng nhau quá sâu (quá {limit} cấp).",
        "The structure is nested too deeply (over {limit} levels).",
    ),
    "duplicate-key": (
        "Khóa '{key}' bị lặp lại (đã có ở dòng {first_line}); mỗi khóa chỉ được khai báo một lần.",
        "The key '{key}' is repeated (first at line {first_line}); each key may appear once.",
    ),
    "key-not-text": (
        "Khóa {key} phải là chuỗi văn bản; hãy đặt trong dấu nháy, ví dụ '{key}'.",
        "The key {key} must be text; quote it, e.g. '{key}'.",
    ),
    "yaml-ambiguous": (
        "Giá trị '{value}' có thể bị hiểu sai (YAML 1.1 đổi kiểu); hãy đặt trong dấu nháy hoặc viết rõ (true/false, số không có số 0 ở đầu).",
        "The value '{value}' is ambiguous (YAML 1.1 retypes it); quote it or write it plainly (true/false, numbers without leading zeros).",
    ),
    "implementation-document-after-submission": (
        "Văn bản triển khai ghi ngày {value}, sau ngày nộp báo cáo {submitted_on}: một báo cáo không thể dẫn văn bản chưa ban hành.",
        "The implementation document is dated {value}, after the report's submitted_on {submitted_on}: a report cannot cite a document not yet issued.",
    ),
    "more-problems": (
        "… và {count} vấn đề nữa trong tệp này (chỉ hiện 50 vấn đề đầu tiên).",
        "… and {count} more problems in this file (only the first 50 are shown).",
    ),
    "number-too-long": (
        "Số '{value}' có quá nhiều chữ số (tối đa 15 chữ số có nghĩa).",
        "The number '{value}' has too many digits (at most 15 significant digits).",
    ),
    "bad-date": (
        "Ngày '{value}' không hợp lệ; dùng dạng YYYY-MM-DD.",
        "The date '{value}' is not valid; use YYYY-MM-DD.",
    ),
    "unreadable": ("Không đọc được tệp: {detail}.", "The file cannot be read: {detail}."),
    # --- PAPI scores CSV (papi outcome) --------------------------------------------------------
    "scores-missing": (
        "Không có tệp điểm PAPI {path}; dùng --scores TỆP để chỉ tệp khác.",
        "There is no PAPI scores file {path}; use --scores FILE to name another.",
    ),
    "scores-columns": (
        "Dòng tiêu đề thiếu cột {missing}; tiêu đề phải là: {expected}.",
        "The header row lacks the column(s) {missing}; the header must read: {expected}.",
    ),
    "scores-row-length": (
        "Dòng có {found} ô, cần đúng {expected} ô như dòng tiêu đề.",
        "The row has {found} cells; it needs {expected}, like the header.",
    ),
    "scores-unknown-dimension": (
        "Lĩnh vực '{value}' không khớp tên tiếng Anh (name_en) của lĩnh vực nào trong kế hoạch; các tên: {allowed}.",
        "The dimension '{value}' matches no dimension's English name (name_en) in the plan; names: {allowed}.",
    ),
    "scores-bad-score": (
        "Điểm '{value}' không hợp lệ: cần một số thập phân từ 1 đến 10 (dấu chấm thập phân, ví dụ 4.9243).",
        "The score '{value}' is not valid: it must be a decimal number from 1 to 10 (decimal point, e.g. 4.9243).",
    ),
    "scores-duplicate": (
        "Điểm của {province} ở lĩnh vực '{dimension}' bị lặp lại (đã có ở dòng {first_line}).",
        "{province} has a second score for '{dimension}' (first at line {first_line}).",
    ),
    "scores-incomplete": (
        "Lĩnh vực {dimension} thiếu điểm của: {provinces}; mỗi tỉnh cần đủ điểm 8 lĩnh vực.",
        "Dimension {dimension} lacks the scores of: {provinces}; every province needs all 8 dimensions.",
    ),
    "scores-no-province": (
        "Tệp không có điểm của tỉnh {province} (so tên không dấu, ví dụ 'Dak Nong').",
        "The file has no scores for {province} (names are compared without diacritics, e.g. 'Dak Nong').",
    ),
    # --- report templates (papi report --templates) ----------------------------------------------
    "template-error": (
        "Lỗi trong mẫu báo cáo: {detail}. Chưa ghi tệp báo cáo nào.",
        "Error in the report template: {detail}. No report file was written.",
    ),
    "template-missing": (
        "Không tìm thấy mẫu báo cáo '{name}' trong: {folders}. Chưa ghi tệp báo cáo nào.",
        "The report template '{name}' was not found in: {folders}. No report file was written.",
    ),
    # --- structure (shared by plan and submissions) ---------------------------------------------
    "missing-field": ("Thiếu trường bắt buộc '{field}'.", "The required field '{field}' is missing."),
    "unknown-field": (
        "Trường '{field}' không được biết đến; các trường hợp lệ: {allowed}.",
        "Unknown field '{field}'; allowed fields: {allowed}.",
    ),
    "wrong-type": (
        "'{field}' phải là {expected}, nhưng giá trị là {value}.",
        "'{field}' must be {expected}, but the value is {value}.",
    ),
    # --- plan cross-checks --------------------------------------------------------------------
    "plan-missing": (
        "Không tìm thấy tệp kế hoạch {path}.",
        "The plan file {path} was not found.",
    ),
    "unknown-agency": (
        "Cơ quan '{value}' không có trong danh mục cơ quan của kế hoạch (mục agencies; UBND huyện, xã có mã ubnd-<tên đơn vị>, ví dụ ubnd-cu-jut; xem 'papi tasks').",
        "The agency '{value}' is not in the plan's registry of agencies (its agencies list; People's Committees are ubnd-<unit slug>, e.g. ubnd-cu-jut; see 'papi tasks').",
    ),
    "unknown-dimension": (
        "Lĩnh vực '{value}' không có trong kế hoạch; các lĩnh vực: {allowed}.",
        "The dimension '{value}' is not in the plan; dimensions: {allowed}.",
    ),
    "duplicate-code": (
        "Mã '{value}' bị trùng (đã dùng ở dòng {first_line}).",
        "The code '{value}' is used twice (first at line {first_line}).",
    ),
    "bad-task-code": (
        "Mã nhiệm vụ '{value}' phải có dạng '{expected}' (<lĩnh vực>.<STT>).",
        "The task code '{value}' must read '{expected}' (<dimension>.<number>).",
    ),
    "bad-indicator-code": (
        "Mã chỉ tiêu '{value}' phải bắt đầu bằng mã nhiệm vụ '{task}'.",
        "The indicator code '{value}' must start with its task code '{task}'.",
    ),
    "threshold-out-of-range": (
        "Ngưỡng {value} nằm ngoài khoảng cho phép ({allowed}).",
        "The threshold {value} is out of range ({allowed}).",
    ),
    "indicator-field-missing": (
        "Chỉ tiêu loại {kind} cần trường '{field}'.",
        "An indicator of kind {kind} needs the field '{field}'.",
    ),
    "indicator-field-extra": (
        "Chỉ tiêu loại {kind} không dùng trường '{field}'.",
        "An indicator of kind {kind} does not take the field '{field}'.",
    ),
    "bad-window": (
        "Ngày bắt đầu {start} phải trước hạn {due} và trong năm kế hoạch.",
        "The window start {start} must precede the due date {due} and lie in the plan year.",
    ),
    "unknown-population": (
        "Tập đơn vị '{value}' không có; dùng 'communes' hoặc 'districts'.",
        "Unknown population '{value}'; use 'communes' or 'districts'.",
    ),
    "units-invalid": (
        "Danh mục đơn vị hành chính không hợp lệ: {detail}.",
        "The administrative-unit registry is invalid: {detail}.",
    ),
    "group-cycle": (
        "Nhóm '{value}' tự chứa chính nó (vòng lặp).",
        "The group '{value}' contains itself (a cycle).",
    ),
    "not-nfc": (
        "Văn bản chưa ở dạng Unicode NFC.",
        "The text is not in Unicode NFC.",
    ),
    # --- submission files: where they are (papi validate) ---------------------------------------
    "outside-layout": (
        "Tệp hoặc thư mục này nằm ngoài cấu trúc báo cáo; mỗi báo cáo phải là {layout} (ví dụ submissions/2020-Q2/so-ldtbxh.yaml).",
        "This file or folder is outside the submissions layout; each report must be {layout} (e.g. submissions/2020-Q2/so-ldtbxh.yaml).",
    ),
    "not-a-file": (
        "Đây là một thư mục (hoặc không phải tệp thường) ở chỗ cần một tệp báo cáo {layout}.",
        "This is a folder (or not a regular file) where a report file {layout} is expected.",
    ),
    "not-a-folder": (
        "Thư mục báo cáo phải là một thư mục chứa {layout}, không phải một tệp.",
        "The submissions folder must be a folder holding {layout}, not a file.",
    ),
    "symlink-outside": (
        "Liên kết tượng trưng (symlink) này trỏ ra ngoài kho dữ liệu ({target}); hãy đặt chính tệp báo cáo vào thư mục.",
        "This symbolic link leads outside the repository ({target}); put the report file itself in the folder.",
    ),
    "duplicate-submission": (
        "Cùng cơ quan và kỳ báo cáo đã có tệp {other}; mỗi cơ quan chỉ nộp một tệp mỗi quý: hãy xóa một tệp.",
        "The same agency and period already has the file {other}; one file per agency per quarter: delete one.",
    ),
    # --- submission files: what they say ---------------------------------------------------------
    "field-not-filled-in": (
        "Trường '{field}' chưa được điền: hãy ghi {expected}.",
        "The field '{field}' is not filled in: write {expected}.",
    ),
    "result-not-filled-in": (
        "Chỉ tiêu {indicator} chưa được điền: hãy ghi {fields} (chỉ cần những trường có số liệu), hoặc xóa mục này nếu quý này không có gì để báo cáo.",
        "The indicator {indicator} is not filled in: write {fields} (only those you have figures for), or delete this entry if there is nothing to report this quarter.",
    ),
    "agency-mismatch": (
        "Cơ quan '{value}' không khớp tên tệp: tệp này là của '{expected}'. Hãy sửa agency thành '{expected}' hoặc đổi tên tệp thành {value}.yaml.",
        "The agency '{value}' does not match the file name: this file belongs to '{expected}'. Set agency to '{expected}' or rename the file to {value}.yaml.",
    ),
    "bad-period": (
        "Kỳ báo cáo {value} không đúng dạng YYYY-Qn (ví dụ 2020-Q2: năm, dấu gạch ngang, Q và số quý 1–4).",
        "The period {value} is not of the form YYYY-Qn (e.g. 2020-Q2: year, hyphen, Q and the quarter 1–4).",
    ),
    "period-mismatch": (
        "Kỳ báo cáo '{value}' không khớp thư mục chứa tệp ({folder}); hãy sửa period thành {folder} hoặc chuyển tệp sang thư mục {value}.",
        "The period '{value}' does not match the file's folder ({folder}); set period to {folder} or move the file to the folder {value}.",
    ),
    "period-outside-year": (
        "Kỳ báo cáo '{value}' nằm ngoài năm kế hoạch {year}; chỉ nhận {year}-Q1 đến {year}-Q4.",
        "The period '{value}' is outside the plan year {year}; only {year}-Q1 to {year}-Q4 are accepted.",
    ),
    "submitted-too-early": (
        "Ngày gửi {value} trước ngày bắt đầu kỳ số liệu của {period} ({start}); hãy ghi ngày thực tế gửi báo cáo.",
        "The submission date {value} is before the start of the data window of {period} ({start}); write the date the report is actually sent.",
    ),
    "submitted-in-future": (
        "Ngày gửi {value} ở tương lai (hôm nay là {today}, giờ Việt Nam); hãy ghi ngày thực tế gửi báo cáo.",
        "The submission date {value} is in the future (today is {today}, Vietnam time); write the date the report is actually sent.",
    ),
    "implementation-document-late": (
        "Văn bản triển khai ngày {value} ban hành sau hạn {due} (hạn tính theo ngày làm việc: {deadline}).",
        "The implementation document dated {value} was issued after the deadline {due} (as a working day: {deadline}).",
    ),
    "unknown-indicator": (
        "Chỉ tiêu '{value}' không có trong kế hoạch; {agency} báo cáo được các chỉ tiêu: {allowed}.",
        "The indicator '{value}' is not in the plan; {agency} may report: {allowed}.",
    ),
    "not-authorised": (
        "{agency} không chủ trì hay thực hiện nhiệm vụ của chỉ tiêu {value} nên không được báo cáo chỉ tiêu này; {agency} báo cáo được: {allowed}.",
        "{agency} neither leads nor implements the task of indicator {value}, so it may not report it; {agency} may report: {allowed}.",
    ),
    "field-of-other-kind": (
        "Trường '{field}' dùng cho chỉ tiêu loại {other}; {indicator} là chỉ tiêu loại {kind}, chỉ dùng: {allowed}.",
        "The field '{field}' belongs to {other} indicators; {indicator} is a {kind} indicator and takes only: {allowed}.",
    ),
    "number-as-text": (
        "'{field}' phải là một số, không phải chuỗi '{value}': bỏ dấu nháy (và dấu %), dùng dấu chấm thập phân, ví dụ 95.5.",
        "'{field}' must be a number, not the text '{value}': drop the quotes (and the % sign) and use a decimal point, e.g. 95.5.",
    ),
    "negative-number": (
        "'{field}' là {value}: số liệu không được âm.",
        "'{field}' is {value}: figures cannot be negative.",
    ),
    "ratio-incomplete": (
        "Chỉ tiêu {indicator} là tỷ lệ: cần cả numerator (tử số) và denominator (mẫu số); thiếu '{field}'.",
        "The indicator {indicator} is a ratio: it needs both numerator and denominator; '{field}' is missing.",
    ),
    "zero-denominator": (
        "Mẫu số (denominator) bằng 0 nhưng tử số (numerator) là {numerator}; tử số không thể lớn hơn mẫu số.",
        "The denominator is 0 but the numerator is {numerator}; the numerator cannot exceed the denominator.",
    ),
    "numerator-exceeds-denominator": (
        "Tử số (numerator) {numerator} lớn hơn mẫu số (denominator) {denominator}; tử số là phần đã đạt trong tổng số nên không thể lớn hơn.",
        "The numerator {numerator} exceeds the denominator {denominator}; the numerator counts part of the total, so it cannot be larger.",
    ),
    "percent-out-of-range": (
        "Phần trăm {value} nằm ngoài khoảng 0–100.",
        "The percent {value} is outside 0–100.",
    ),
    "unknown-unit": (
        "Không có đơn vị '{value}' trong danh mục; dùng slug hoặc mã chính thức của {population} (xem tệp {registry} trong thư mục kế hoạch), ví dụ: {examples}.",
        "There is no unit '{value}' in the registry; use the slug or official code of one of the {population} (see {registry} in the plan folder), e.g.: {examples}.",
    ),
    "wrong-unit-level": (
        "Đơn vị '{value}' không thuộc loại của chỉ tiêu {indicator}, chỉ tiêu này tính theo {population}.",
        "The unit '{value}' is not of the level of indicator {indicator}, which counts {population}.",
    ),
    "duplicate-unit": (
        "Đơn vị '{value}' ({slug}) đã được liệt kê ở dòng {first_line}; mỗi đơn vị chỉ ghi một lần (tên và mã là cùng một đơn vị).",
        "The unit '{value}' ({slug}) is already listed at line {first_line}; list each unit once (its slug and its code are the same unit).",
    ),
    "units-all-mixed": (
        "'all' phải đứng một mình (units: all), không ghi lẫn với các đơn vị khác.",
        "'all' stands alone (units: all), not mixed with other units.",
    ),
    "unit-outside-jurisdiction": (
        "{agency} không được báo cáo '{value}' ở chỉ tiêu {indicator}: đơn vị này ngoài phạm vi quản lý; được báo cáo: {allowed}.",
        "{agency} may not report '{value}' for indicator {indicator}: the unit is outside its jurisdiction; it may report: {allowed}.",
    ),
    "no-units-allowed": (
        "{agency} không được liệt kê đơn vị nào ở chỉ tiêu {indicator} (UBND xã chỉ báo cáo chính mình; ở chỉ tiêu kiểm tra không ai tự báo cáo mình); hãy báo cáo bằng status và note.",
        "{agency} may not list any unit for indicator {indicator} (a commune reports only itself; in an inspection nobody reports itself); report with status and note instead.",
    ),
    "inspection-own-unit": (
        "{indicator} là chỉ tiêu kiểm tra: {agency} không được tự ghi đơn vị của mình ('{value}') là đã được kiểm tra.",
        "{indicator} is an inspection: {agency} may not list its own unit ('{value}') as inspected.",
    ),
    "done-without-evidence": (
        "Chỉ tiêu {indicator} báo cáo hoàn thành (status: done) nhưng chưa có minh chứng; hãy thêm evidence, ví dụ [\"Quyết định số …/QĐ-UBND ngày …\"].",
        "The indicator {indicator} is reported done but has no evidence; add evidence, e.g. [\"Decision No. …/QĐ-UBND of …\"].",
    ),
}


def show(value: Any) -> str:
    """A value from a file as the clerk wrote it in YAML: 'text', 12, true, null, 2020-06-18,
    [a, b]; cut to 60 characters."""
    import datetime as dt

    if isinstance(value, str):
        text = f"'{value}'"
    elif value is None:
        text = "null"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (dt.date, dt.datetime)):
        text = value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    elif isinstance(value, list):
        text = "[" + ", ".join(show(v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k}: {show(v)}" for k, v in value.items()) + "}"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def render(code: str, args: dict[str, Any], lang: str = "vi") -> str:
    """The message of a problem code in a language; unknown codes fall back to the code itself."""
    templates = MESSAGES.get(code)
    if templates is None:
        detail = args.get("detail")
        return f"{code}: {detail}" if detail else code
    template = templates[1 if lang == "en" else 0]
    if lang == "en":  # arguments that carry their own English wording (``expected_en``…)
        args = {**args, **{k[:-3]: v for k, v in args.items() if k.endswith("_en")}}
    try:
        return template.format(**args)
    except (KeyError, IndexError):
        return template
