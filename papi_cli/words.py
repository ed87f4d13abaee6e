"""The one catalogue of papi's words: every sentence a user reads, in Vietnamese and English.

Each entry is a key with its Vietnamese and English text (``str.format`` fields named after the
Message's arguments). ``say(message, lang)`` is the one function that renders a Message; an
argument that is itself a Message is rendered in the same language, a tuple of them joined with
commas. A field may choose between singular and plural by its number: ``{files:file|files}``
(Vietnamese has no plural, so only English texts use it).

Problem messages are keyed by the problem's code (``unknown-unit``) and say what is wrong and
how to fix it, naming the offending value; labels, usage errors and help texts are keyed by
dotted names. Data from the plan (task texts, agency names) is not here: it is shown as the plan
has it. Only rendering and the command line import this module.
"""

from __future__ import annotations

import string
from typing import Any, Literal

from papi_cli.message import Message, Number, Percent

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")

# --- problems with the user's files (keyed by the problem code) ----------------------------------
PROBLEMS: dict[str, tuple[str, str]] = {
    # --- reading and YAML syntax -------------------------------------------------------------
    "file-too-large": (
        "Tệp quá lớn ({size} byte); giới hạn là {limit} byte (1 MiB).",
        "The file is too large ({size} {size:byte|bytes}); the limit is {limit} bytes (1 MiB).",
    ),
    "binary-file": (
        "Tệp chứa byte NUL: đây không phải tệp văn bản.",
        "The file contains a NUL byte: it is not a text file.",
    ),
    "not-utf8-wide": (
        "Tệp được lưu với bảng mã {encoding} (mục \"Unicode\" của Notepad hay Excel), papi chỉ đọc UTF-8. Hãy mở tệp bằng Notepad, chọn \"File › Save As\", ở ô \"Encoding\" chọn UTF-8 rồi lưu lại.",
        "The file is saved in {encoding} (\"Unicode\" in Notepad or Excel); papi reads only UTF-8. Open the file in Notepad, choose \"File › Save As\", set \"Encoding\" to UTF-8 and save it again.",
    ),
    "not-utf8": (
        "Byte {byte} không phải UTF-8. Hãy lưu tệp với bảng mã UTF-8.",
        "Byte {byte} is not UTF-8. Save the file with the UTF-8 encoding.",
    ),
    "empty-file": ("Tệp rỗng: không có nội dung YAML.", "The file is empty: there is no YAML content."),
    "yaml-syntax": ("Lỗi cú pháp YAML: {detail}.", "YAML syntax error: {detail}."),
    "not-ascii": (
        "'{value}' có ký tự {char} ({name}) ở cột {column}: ký tự này trông giống một chữ cái hay chữ số nhưng không phải; mã chỉ gồm chữ cái không dấu, chữ số và dấu gạch ngang: hãy gõ lại mã.",
        "'{value}' holds the character {char} ({name}) at column {column}: it looks like a letter or digit but is not one; codes are plain ASCII letters, digits and hyphens: type the code again.",
    ),
    "not-ascii-name": (
        "Tên '{value}' có ký tự {char} ({name}) ở vị trí {position}: tên thư mục và tệp báo cáo chỉ gồm chữ cái không dấu, chữ số và dấu gạch ngang ({layout}).",
        "The name '{value}' holds the character {char} ({name}) at position {position}: folder and file names of reports are plain ASCII letters, digits and hyphens ({layout}).",
    ),
    "lookalike-space": (
        "Tên trường '{key}' có ký tự {char} ({name}) trông như dấu cách nhưng không phải (thường do sao chép từ Word hay trang web): hãy xóa nó và gõ lại dấu cách thường.",
        "The field name '{key}' holds the character {char} ({name}), which looks like a space but is not one (it comes from copying out of Word or a web page): delete it and type ordinary spaces.",
    ),
    "hidden-character": (
        "Ký tự {char} ({name}) không được có trong tệp: ký tự điều khiển và ký tự đảo chiều văn bản có thể che giấu nội dung thật; hãy xóa nó.",
        "The character {char} ({name}) may not appear in the file: control and bidirectional characters can hide what the text says; delete it.",
    ),
    # --- the narrative file: narrative/<period>.md (issue 13; papi_cli/report/narrative.py) ---
    "narrative-unknown-heading": (
        "Tiêu đề '{heading}' không phải một phần của báo cáo; nội dung dưới tiêu đề này không được đưa vào báo cáo. Các phần: {sections}.",
        "The heading '{heading}' names no section of the report; the text under it is left out of the report. The sections: {sections}.",
    ),
    "narrative-outside-section": (
        "Nội dung này đứng trước mọi tiêu đề nên không được đưa vào báo cáo; hãy đặt nó dưới tiêu đề của một phần: {sections}.",
        "This text stands before any heading and is left out of the report; put it under the heading of a section: {sections}.",
    ),
    "narrative-repeated-section": (
        "Phần '{heading}' đã có ở trên; nội dung của hai chỗ được nối tiếp nhau.",
        "The section '{heading}' appears again; the text of both places is joined.",
    ),
    # (end of the narrative problems)
    "tab-indent": (
        "Dùng ký tự Tab để thụt lề; YAML chỉ cho phép dấu cách.",
        "A Tab is used for indentation; YAML allows only spaces.",
    ),
    "multiple-documents": (
        "Tệp có nhiều hơn một tài liệu YAML (dấu ---); mỗi tệp chỉ được một.",
        "The file holds more than one YAML document (---); one per file.",
    ),
    "yaml-tag": (
        "Thẻ YAML {tag} không được dùng: hãy bỏ thẻ và viết giá trị như bình thường (chuỗi có thể đặt trong dấu nháy).",
        "The YAML tag {tag} is not allowed: remove the tag and write the value plainly (text may be quoted).",
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
    "problems-not-listed": (
        "Tệp có thêm {count} vấn đề không được liệt kê.",
        "The file has {count} more {count:problem|problems}, not listed.",
    ),
    "more-problems": (
        "… và {count} vấn đề nữa trong tệp này (chỉ hiện 50 vấn đề đầu tiên).",
        "… and {count} more {count:problem|problems} in this file (only the first 50 are shown).",
    ),
    "number-too-long": (
        "Số '{value}' có quá nhiều chữ số (tối đa 15 chữ số có nghĩa).",
        "The number '{value}' has too many digits (at most 15 significant digits).",
    ),
    "bad-date": (
        "Ngày '{value}' không có trên lịch: hãy kiểm tra lại ngày và tháng.",
        "There is no such day as '{value}': check the day and the month.",
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
        "The row has {found} {found:cell|cells}; it needs {expected}, like the header.",
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
    "template-outside": (
        "Mẫu '{name}' trong {folder} dẫn ra ngoài thư mục mẫu (tới {target}); papi chỉ đọc mẫu nằm trong thư mục mẫu. Chưa ghi tệp báo cáo nào.",
        "The template '{name}' in {folder} leads outside the templates folder (to {target}); papi reads only templates inside it. No report file was written.",
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
    "unknown-status": (
        "'status' phải là một trong ba mã: not_started (chưa bắt đầu), in_progress (đang thực hiện), done (hoàn thành); giá trị đang ghi là {value}.{guess}",
        "'status' must be one of three codes: not_started (not started yet), in_progress (under way), done (completed); the value written is {value}.{guess}",
    ),
    "status.guess": (" Hãy ghi: status: {code}", " Write: status: {code}"),
    "misspelled-field": (
        "Không có trường '{field}': có phải là '{suggest}'? Các trường hợp lệ: {allowed}.",
        "There is no field '{field}': did you mean '{suggest}'? Allowed fields: {allowed}.",
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
        "Cơ quan '{value}' không có trong danh mục cơ quan của kế hoạch{closest}. Mã của mọi cơ quan: papi agencies.",
        "The agency '{value}' is not in the plan's registry of agencies{closest}. Every agency's code: papi agencies.",
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
        "Ngày bắt đầu {start} phải trước hạn {due}, không trước ngày ban hành quyết định hay đầu năm kế hoạch, và hạn phải trong năm kế hoạch.",
        "The window start {start} must precede the due date {due} and not precede the decision's date or the plan year's start; the due date must lie in the plan year.",
    ),
    "unknown-population": (
        "Tập đơn vị '{value}' không có; dùng 'communes' hoặc 'districts'.",
        "Unknown population '{value}'; use 'communes' or 'districts'.",
    ),
    "units-invalid": (
        "Danh mục đơn vị hành chính không hợp lệ: {detail}.",
        "The administrative-unit registry is invalid: {detail}.",
    ),
    "bad-slug": (
        "Tên không dấu của đơn vị '{value}' không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ nghia-duc (mã UBND của đơn vị là ubnd- và tên đó).",
        "The unit's short name '{value}' is not valid: only lower-case ASCII letters, digits and hyphens, e.g. nghia-duc (its People's Committee's code is ubnd- and that name).",
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
    "plan-year-mismatch": (
        "Kế hoạch ghi year: {year} nhưng tên tệp {file} là của năm {named}: mỗi năm một tệp plan/<năm>.yaml; hãy sửa year hoặc đổi tên tệp.",
        "The plan says year: {year} but its file name {file} is of {named}: one file plan/<year>.yaml per year; correct year or rename the file.",
    ),
    "plan-year-missing": (
        "Chưa có kế hoạch năm {year} ({plan}) nên {files} tệp báo cáo ở đây chưa được kiểm tra: hãy thêm tệp kế hoạch của năm đó, hoặc chuyển các tệp về đúng năm.",
        "There is no plan for {year} ({plan}), so the {files} {files:submission|submissions} here {files:was|were} not checked: add that year's plan file, or move the files to their year.",
    ),
    "layout-not-checked": (
        "Tệp nằm ngoài thư mục submissions/: đã kiểm tra theo agency ({agency}) và period ({period}) ghi trong tệp; tên và vị trí của tệp chưa được kiểm tra ({layout}). Đưa tệp vào đúng chỗ bằng: papi add <tệp>",
        "The file is outside the submissions/ folder: it was checked as what it says it is, agency {agency} and period {period}; its name and place were not checked ({layout}). Put it in its place with: papi add <file>",
    ),
    "spreadsheet-not-submission": (
        "Đây là một bảng tính, không phải tệp báo cáo YAML. Biểu mẫu Excel của papi được nhập thành tệp báo cáo bằng lệnh: papi import {file}",
        "This is a spreadsheet, not a YAML submission. A papi Excel form becomes a submission with: papi import {file}",
    ),
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
        "'{field}' phải là một số, không phải chuỗi '{value}': {advice}.",
        "'{field}' must be a number, not the text '{value}': {advice}.",
    ),
    "thousands-separator": (
        "'{field}' là một số nguyên nên không ghi dấu phân cách hàng nghìn: thay {value} bằng {suggest}.",
        "'{field}' is a whole number, written without thousands separators: write {suggest}, not {value}.",
    ),
    "percent-as-fraction": (
        "Phần trăm {value} nhỏ hơn 1 trong khi chỉ tiêu là {target} %: có phải là {likely}? Ghi phần trăm theo thang 0–100 (96,5 % ghi là 96.5); nếu đúng là {value} % thì giữ nguyên.",
        "The percent {value} is below 1 while the target is {target}%: did you mean {likely}? Percents are written 0–100 (96.5% is 96.5); if it really is {value}%, leave it.",
    ),
    "placeholder": (
        "'{field}' vẫn là chỗ để trống của mẫu ('{value}'): hãy ghi nội dung thật (số, ngày của văn bản…), hoặc xóa cả trường nếu chưa có.",
        "'{field}' still holds the form's placeholder ('{value}'): write the real content (the document's number, its date…), or delete the field if there is none yet.",
    ),
    "comment-cuts-text": (
        "Dấu '#' sau dấu cách bắt đầu một chú thích, nên YAML bỏ phần còn lại của dòng và '{field}' chỉ còn '{value}'. Hãy đặt cả đoạn văn bản trong dấu nháy kép: {quoted}",
        "A '#' after a space starts a comment, so YAML drops the rest of the line and '{field}' is only '{value}'. Put the whole text in double quotes: {quoted}",
    ),
    "date-day-first": (
        "'{field}' ghi ngày là '{value}'; papi đọc ngày theo thứ tự năm-tháng-ngày: hãy ghi {suggest}.",
        "'{field}' gives the date as '{value}'; papi reads dates year-month-day: write {suggest}.",
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
    "closest": ("; gần nhất là: {names}", "; the closest are: {names}"),
    "closest.agency": ("{code} ({name})", "{code} ({name_en})"),
    "ambiguous-unit": (
        "'{value}' có thể là nhiều đơn vị: {candidates}; hãy ghi tên không dấu hoặc mã của đúng đơn vị.",
        "'{value}' could be any of several units: {candidates}; write the short name or code of the one meant.",
    ),
    "unknown-unit": (
        "Không có đơn vị '{value}' trong danh mục đơn vị hành chính ({registry} trong thư mục kế hoạch); ghi tên, tên không dấu hoặc mã của {population}, gần nhất là: {examples}.",
        "There is no unit '{value}' in the register of units ({registry} in the plan folder); write the name, short name or code of one of the {population}; the closest are: {examples}.",
    ),
    "wrong-unit-level": (
        "Đơn vị '{value}' không thuộc loại của chỉ tiêu {indicator}, chỉ tiêu này tính theo {population}.",
        "The unit '{value}' is not of the level of indicator {indicator}, which counts {population}.",
    ),
    "duplicate-unit": (
        "Đơn vị '{value}' ({slug}) đã được liệt kê ở dòng {first_line}; mỗi đơn vị chỉ ghi một lần (tên, tên không dấu và mã của một đơn vị là cùng một đơn vị).",
        "The unit '{value}' ({slug}) is already listed at line {first_line}; list each unit once (a unit's name, short name and code are the same unit).",
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
    # --- Excel forms: problems of a workbook (issue 14; papi_cli/forms) ---
    "form-not-xlsx": (
        "Tệp không phải bảng tính Excel (.xlsx) đọc được. Hãy mở biểu mẫu bằng Excel hay LibreOffice Calc và lưu lại với định dạng \"Excel Workbook (.xlsx)\".",
        "The file is not a readable Excel workbook (.xlsx). Open the form in Excel or LibreOffice Calc and save it as \"Excel Workbook (.xlsx)\".",
    ),
    "form-encrypted": (
        "Bảng tính được đặt mật khẩu mở tệp; papi không đọc được. Hãy bỏ mật khẩu (trong Excel: \"File › Info › Protect Workbook\") rồi lưu lại.",
        "The workbook is encrypted with a password; papi cannot read it. Remove the password and save it again.",
    ),
    "form-too-many-parts": (
        "Tệp .xlsx gồm {count} phần; giới hạn là {limit}: đây không phải biểu mẫu papi tạo ra.",
        "The .xlsx holds {count} parts; the limit is {limit}: it is not a form papi made.",
    ),
    "form-zip-bomb": (
        "Tệp .xlsx giải nén ra quá lớn ({size} byte, giới hạn {limit}) hoặc nén bất thường: papi không mở tệp này.",
        "The .xlsx unpacks to too much ({size} bytes, limit {limit}) or is compressed abnormally: papi does not open it.",
    ),
    "form-macros": (
        "Tệp có macro ({part}); papi không nhận bảng tính có macro. Hãy lưu lại với định dạng \"Excel Workbook (.xlsx)\", không phải .xlsm.",
        "The file holds macros ({part}); papi takes no workbook with macros. Save it as \"Excel Workbook (.xlsx)\", not .xlsm.",
    ),
    "form-external-links": (
        "Tệp có liên kết tới tệp hay nguồn dữ liệu khác ({part}); hãy thay công thức liên kết bằng giá trị (Sao chép › Dán đặc biệt › Giá trị) rồi lưu lại.",
        "The file links to another file or data source ({part}); replace the linked formulas by their values (Copy › Paste Special › Values) and save it again.",
    ),
    "form-dtd": (
        "Phần {part} của tệp khai báo DTD hay thực thể XML: biểu mẫu hợp lệ không bao giờ có; papi không mở tệp này.",
        "The part {part} declares a DTD or an XML entity: a genuine form never does; papi does not open it.",
    ),
    "form-xml-encoding": (
        "Phần {part} của tệp không được mã hóa UTF-8; hãy lưu lại bảng tính bằng Excel hay LibreOffice Calc.",
        "The part {part} is not encoded in UTF-8; save the workbook again from Excel or LibreOffice Calc.",
    ),
    "form-not-papi": (
        "Bảng tính này không phải biểu mẫu do papi tạo (thiếu thông tin nhận dạng trong thuộc tính tệp). Hãy tạo biểu mẫu bằng: papi new --agency <cơ quan> --period <quý> --format xlsx.",
        "This workbook is not a form made by papi (its properties do not identify one). Make a form with: papi new --agency <agency> --period <quarter> --format xlsx.",
    ),
    "form-other-plan": (
        "Biểu mẫu được tạo từ một kế hoạch khác với {plan} hiện nay (kế hoạch đã được sửa sau khi tạo biểu mẫu): hãy tạo biểu mẫu mới bằng papi new --format xlsx, hoặc papi export, rồi chép số liệu sang.",
        "The form was made from another plan than the current {plan} (the plan changed after the form was made): make a new form with papi new --format xlsx, or papi export, and copy the figures over.",
    ),
    "form-no-plan": (
        "Không có kế hoạch dùng được cho năm {year} của biểu mẫu; chạy papi validate để xem chi tiết.",
        "There is no usable plan for the form's year {year}; run papi validate for details.",
    ),
    "form-sheet-missing": (
        "Không tìm thấy trang \"{role}\" của biểu mẫu (papi nhận ra trang qua cột ẩn A, không qua tên trang): hãy lấy lại trang đó từ biểu mẫu gốc.",
        "The form's \"{role}\" sheet is missing (papi knows a sheet by its hidden column A, not by its name): take it again from the original form.",
    ),
    "form-formula": (
        "Ô có công thức nhưng không có giá trị đã tính: hãy mở tệp, để chương trình tính lại rồi lưu, hoặc nhập giá trị thay cho công thức.",
        "The cell holds a formula without a computed value: open the file, let the program recalculate and save, or type the value instead of the formula.",
    ),
    "form-bad-date": (
        "'{value}' không phải một ngày; hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 18/06/2020.",
        "'{value}' is not a date; enter a date such as 18/06/2020 (day/month/year) or 2020-06-18.",
    ),
    "form-document-incomplete": (
        "Văn bản triển khai cần cả số, ký hiệu và ngày ban hành; hãy điền ô này (hoặc để trống cả hai ô).",
        "The implementation document needs both its number and its date; fill in this cell (or leave both empty).",
    ),
    "form-row-not-in-form": (
        "Chỉ tiêu {code} không thuộc các chỉ tiêu {agency} được báo cáo: hãy xóa dòng này.",
        "The indicator {code} is not one {agency} may report: delete this row.",
    ),
    "form-duplicate-row": (
        "Chỉ tiêu {code} có hai dòng (dòng đầu ở ô {first}); hãy giữ một dòng và xóa dòng kia.",
        "The indicator {code} has two rows (the first at {first}); keep one and delete the other.",
    ),
    "form-bad-mark": (
        "'{value}' không phải dấu đánh: hãy nhập x ở đơn vị đã thực hiện, hoặc để trống.",
        "'{value}' is not a mark: enter x for a unit that did the task, or leave the cell empty.",
    ),
    "form-unit-not-allowed": (
        "{unit} không thuộc các đơn vị cơ quan được báo cáo ở chỉ tiêu {indicator}; hãy xóa dấu ở ô này.",
        "{unit} is not a unit the agency may report for indicator {indicator}; clear this cell.",
    ),
    "form-target-exists": (
        "Đã có {file}; nếu đây là bản gửi lại thay cho bản đó, chạy lại với --replace.",
        "{file} already exists; if this is a resubmission to replace it, run again with --replace.",
    ),
    "form-target-outside": (
        "Không ghi {file}: thư mục của nó là một liên kết tượng trưng dẫn tới {target}, không phải thư mục của quý trong thư mục báo cáo.",
        "{file} is not written: its folder is a symbolic link to {target}, not the quarter's folder in the submissions folder.",
    ),
    "form-cannot-write": ("Không ghi được {file}: {reason}.", "Could not write {file}: {reason}."),
    "form-date-missing": (
        "Chưa điền ngày gửi báo cáo: hãy nhập ngày vào ô này, ví dụ 18/06/2020.",
        "The date of the report is not filled in: enter it in this cell, e.g. 18/06/2020.",
    ),
    "form-nothing-reported": (
        "Chưa có chỉ tiêu nào được điền: hãy điền số liệu hay tình trạng của ít nhất một chỉ tiêu (để trống cả dòng những chỉ tiêu không có gì để báo cáo).",
        "No indicator is filled in: fill in the figures or the status of at least one indicator (leave the whole row empty for those with nothing to report).",
    ),
    "form-same-target": (
        "Biểu mẫu này và {others} cùng là báo cáo {file}: không nhập biểu mẫu nào; hãy chỉ nhập bản đúng.",
        "This form and {others} are both the report {file}: neither is imported; import only the right one.",
    ),
    "form-header-changed": (
        "Ô này ghi '{value}', nhưng biểu mẫu là của {agency}, kỳ {period} (papi nhận biết cơ quan và kỳ qua thuộc tính của tệp, không qua ô này): nếu đây là báo cáo của cơ quan hay kỳ khác, hãy tạo đúng biểu mẫu bằng papi new --agency <cơ quan> --period <quý> --format xlsx và chép số liệu sang; nếu không, trả lại nội dung cũ cho ô.",
        "This cell reads '{value}', but the form is that of {agency} for {period} (papi knows the agency and the period from the file's properties, not from this cell): if this is the report of another agency or period, make its own form with papi new --agency <agency> --period <quarter> --format xlsx and copy the figures over; otherwise put the cell's text back.",
    ),
    "form-name-other-period": (
        "Tên tệp ghi kỳ {named}, nhưng biểu mẫu là của kỳ {period} (theo thuộc tính của tệp): biểu mẫu của một quý không dùng lại cho quý khác được. Hãy tạo biểu mẫu kỳ {named} bằng papi new --agency {agency} --period {named} --format xlsx; nếu đây đúng là báo cáo kỳ {period}, hãy đổi lại tên tệp.",
        "The file's name says {named}, but the form is that of {period} (its properties say so): a quarter's form cannot be reused for another. Make the form of {named} with papi new --agency {agency} --period {named} --format xlsx; if this really is the report of {period}, rename the file back.",
    ),
    "form-cell-ignored": (
        "Ô xám này không thuộc những ô chỉ tiêu {code} cần điền, nên giá trị '{value}' không được đưa vào báo cáo; hãy điền vào ô nền vàng của chỉ tiêu, hoặc xóa giá trị.",
        "This grey cell is not one of those the indicator {code} takes, so the value '{value}' is left out of the report; fill in the indicator's yellow cells instead, or delete it.",
    ),
    "form-sheet-twice": (
        "Biểu mẫu có hai trang loại \"{role}\": \"{first}\" và \"{sheet}\" (một trang là bản sao), nên papi không biết trang nào là báo cáo. Hãy giữ một trang, chép số liệu vào đó và xóa trang kia.",
        "The form has two sheets of the kind \"{role}\": \"{first}\" and \"{sheet}\" (one a copy), so papi cannot tell which is the report. Keep one, copy the figures into it and delete the other.",
    ),
    "form-duplicate-unit-row": (
        "Đơn vị {unit} có hai dòng (dòng đầu ở ô {first}); hãy giữ một dòng, đánh dấu ở dòng đó và xóa dòng kia.",
        "The unit {unit} has two rows (the first at {first}); keep one, mark it there and delete the other.",
    ),
    "form-bad-status": (
        "'{value}' không phải một tình trạng; hãy chọn trong danh sách của ô: {labels}.",
        "'{value}' is not a status; pick one from the cell's list: {labels}.",
    ),
    # (end of the forms problems)
}

# --- labels of outputs and documents ---------------------------------------------------------
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
    "target.done": ("hoàn thành", "done"),
    "target.percent": ("{op} {value} %", "{op} {value}%"),
    "target.coverage": ("{op} {value} % {population}", "{op} {value}% {population}"),
    "target.count": ("{op} {value}", "{op} {value}"),
    "value.none": ("—", "—"),
    "value.count": ("{count}", "{count}"),
    "value.percent": ("{percent}", "{percent}"),
    "value.fraction": ("{numerator}/{denominator}", "{numerator}/{denominator}"),
    "value.fraction_percent": ("{numerator}/{denominator} · {percent}", "{numerator}/{denominator} · {percent}"),
    "value.units": ("{numerator}/{denominator} {population}", "{numerator}/{denominator} {population}"),
    "value.units_percent": (
        "{numerator}/{denominator} {population} · {percent}",
        "{numerator}/{denominator} {population} · {percent}",
    ),
    "leads_mark": ("chủ trì", "lead"),
    "implements_mark": ("phối hợp", "implementer"),
    "agencies.title": ("Các cơ quan của kế hoạch — {plan} ({year})", "The plan's agencies — {plan} ({year})"),
    "agencies.name": ("Tên", "Name"),
    "agencies.province": ("Cấp tỉnh", "Province"),
    "agencies.implements": ("Phối hợp", "Implements"),
    "agencies.reports": ("Báo cáo quý", "Quarterly report"),
    "agencies.owes": ("có", "yes"),
    "agencies.to_district": ("huyện", "district"),
    "agencies.not_owed": ("không", "no"),
    "agencies.count": (
        "{agencies} cơ quan. Báo cáo quý: có = phải gửi {coordinator} ({owing} cơ quan); huyện = UBND xã gửi UBND huyện; không = không bắt buộc (vẫn được gửi). Phối hợp: số nhiệm vụ phối hợp thực hiện (papi tasks --agency <mã> liệt kê).",
        "{agencies} {agencies:agency|agencies}. Quarterly report: yes = owed to {coordinator} ({owing} {owing:agency|agencies}); district = a commune reports to its district; no = not owed (may still be sent). Implements: how many tasks it implements (papi tasks --agency <code> lists them).",
    ),
    "agencies.hint": (
        "Mã cơ quan là tên tệp báo cáo: papi new --agency <mã> --period <quý>.",
        "The agency code is the report's file name: papi new --agency <code> --period <quarter>.",
    ),
    "tasks_title": ("Danh mục nhiệm vụ — {plan} ({year})", "Task catalogue — {plan} ({year})"),
    "tasks_of": ("Nhiệm vụ của {agency}", "Tasks of {agency}"),
    "tasks_count": ("{tasks} nhiệm vụ, {indicators} chỉ tiêu", "{tasks} {tasks:task|tasks}, {indicators} {indicators:indicator|indicators}"),
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
        "Checked {files} {files:file|files} ({plan} plan {plan:file|files}, {submissions} {submissions:submission|submissions}, {results} {results:result|results}): {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}.",
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
        "{population} đã thực hiện: tên không dấu, mã hoặc tên, ví dụ [{example}]; all = mọi {population} cơ quan được báo cáo",
        "{population} covered: short name, code or name, e.g. [{example}]; all = every unit you may report",
    ),
    "new.no_units": (
        "Cơ quan không được liệt kê đơn vị nào ở chỉ tiêu này: chỉ báo cáo status, evidence, note.",
        "The agency may not list any unit for this indicator: report status, evidence and note only.",
    ),
    "new.measure": ("Đo", "Measure"),
    "new.ratio_part": ("{counts} ({window})", "{counts} ({window})"),
    "new.flow": ("số phát sinh trong quý", "this quarter's figure"),
    "new.stock": ("số tính đến ngày báo cáo", "the figure as it stands now"),
    "new.percent": ("số từ 0 đến 100, không có dấu %", "a number from 0 to 100, without %"),
    "new.count": ("{counts}: số lần trong quý", "{counts}: how many this quarter"),
    "new.status": ("not_started | in_progress | done", "not_started | in_progress | done"),
    "new.status_milestone": (
        "not_started | in_progress | done (done cần ít nhất một evidence)",
        "not_started | in_progress | done (done needs at least one evidence)",
    ),
    "new.evidence": ('văn bản minh chứng, ví dụ ["Kế hoạch số …/KH-… ngày …"]', 'evidence, e.g. ["Plan No. …/KH-… of …"]'),
    "new.note": ("ghi chú ngắn (không bắt buộc)", "a short note (optional)"),
    "new.created": (
        "Đã tạo {file}: {indicators} chỉ tiêu ({leads} chủ trì, {others} phối hợp). Điền số liệu, rồi kiểm tra: papi validate {file}",
        "Created {file}: {indicators} {indicators:indicator|indicators} ({leads} led, {others} implemented). Fill it in, then check: papi validate {file}",
    ),
    "new.cannot_write": (
        "Không ghi được {file}: {reason}. Chưa ghi tệp nào.",
        "Could not write {file}: {reason}. Nothing was written.",
    ),
    "new.outside": (
        "Không ghi {file}: thư mục của nó là một liên kết tượng trưng dẫn tới {target}, không phải thư mục của quý trong thư mục báo cáo.",
        "{file} is not written: its folder is a symbolic link to {target}, not the quarter's folder in the submissions folder.",
    ),
    "add.placed": ("Đã đưa {source} vào {file}.", "Placed {source} at {file}."),
    "add.replaced": ("Đã thay {file} bằng {source}.", "Replaced {file} with {source}."),
    "add.in_place": ("{file} đã ở đúng chỗ.", "{file} is already in its place."),
    "add.not_placed": ("Chưa đưa {source} vào: {reason}.", "{source} was not placed: {reason}."),
    "add.has_errors": ("tệp có lỗi (xem trên); hãy để cơ quan gửi sửa lại", "it has errors (above); have the agency correct it"),
    "add.exists": (
        "đã có {file}; nếu đây là bản gửi lại thay cho bản đó, chạy lại với --replace",
        "{file} already exists; if this is a resubmission to replace it, run again with --replace",
    ),
    "add.summary": ("Đã đưa vào {placed}/{files} tệp.", "Placed {placed} of {files} {files:file|files}."),
    "new.exists": (
        "Tệp {file} đã có; papi new không ghi đè. Hãy sửa chính tệp đó (hoặc xóa nó trước nếu muốn tạo lại).",
        "The file {file} already exists; papi new never overwrites. Edit that file (or delete it first to start again).",
    ),
    # papi schema
    "schema.title": (
        "Tệp báo cáo quý thực hiện Quyết định {decision} (năm {year})",
        "Quarterly report file under Decision {decision} ({year})",
    ),
    "schema.title_years": (
        "Tệp báo cáo quý thực hiện kế hoạch cải thiện Chỉ số PAPI (các năm {years})",
        "Quarterly report file of the PAPI improvement plans ({years})",
    ),
    "schema.agency": ("Mã cơ quan, trùng tên tệp", "The agency code, the same as the file name"),
    "schema.submitted_on": ("Ngày gửi báo cáo (YYYY-MM-DD)", "The date the report is sent (YYYY-MM-DD)"),
    "schema.status": ("Tình trạng thực hiện", "Progress"),
    "schema.evidence": ("Văn bản minh chứng", "Evidence documents"),
    "schema.units": (
        "Đơn vị đã thực hiện (tên không dấu, mã hoặc tên), hoặc all: mọi đơn vị cơ quan được báo cáo",
        "Units covered (short name, code or name), or all: every unit the agency may report",
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
        "{met}/{total} {total:dimension|dimensions} are high-average or above: goal 1.3 {verdict}.",
    ),
    "goal_met": ("đã đạt", "is met"),
    "goal_not_met": ("chưa đạt", "is not met"),
    "scores_source": ("Nguồn điểm: {file}", "Scores from: {file}"),
    "outcome.change": ("± so {year}", "± on {year}"),
    "outcome.change_note": (
        "So với năm {year}: điểm tăng (+) hay giảm (−); hạng: số bậc tăng (+, lên gần hạng 1) hay giảm (−).",
        "Against {year}: the score up (+) or down (−); rank: places gained (+, toward 1st) or lost (−).",
    ),
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
        "Counted {counted} of {files} valid submission {files:file|files} (submitted by {date}).",
    ),
    "status_skipped": (
        "Bỏ qua {n} tệp báo cáo không hợp lệ (chạy 'papi validate' để xem lỗi): {files}",
        "Skipped {n} invalid submission {n:file|files} (run 'papi validate' for the errors): {files}",
    ),
    "missing_units": ("Còn thiếu: {units}", "Still missing: {units}"),
    "summary_title": ("Tổng hợp theo lĩnh vực", "Summary by dimension"),
    "reporting_title": ("Báo cáo định kỳ nộp muộn hoặc chưa nộp", "Periodic reports late or missing"),
    "reporting_counts": (
        "Báo cáo định kỳ: {on_time} đúng hạn, {late} nộp muộn, {missing} chưa nộp, {pending} chưa đến hạn.",
        "Periodic reports: {on_time} on time, {late} late, {missing} missing, {pending} not yet due.",
    ),
    "reporting_none_owed": ("Không có báo cáo định kỳ nào phải nộp.", "No periodic report is owed."),
    "own.quarters": ("quý {quarters}", "{quarters}"),
    "own.label": ("↳ {agency} ({quarters})", "↳ {agency} ({quarters})"),
    "own.label_none": ("↳ {agency}: chưa báo cáo", "↳ {agency}: not reported"),
    "own.not_owing": (
        "{agency} không phải gửi báo cáo quý cho tỉnh (xem papi agencies); những gì cơ quan đã báo cáo vẫn được tính.",
        "{agency} owes the province no quarterly report (see papi agencies); what it has reported still counts.",
    ),
    "own.reporting_title": ("Báo cáo định kỳ của {agency}", "Periodic reports of {agency}"),
    "value.units_listed": ("{count} {population}", "{count} {population}"),
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
    # Decree 30/2020, Appendix I: a leading zero for days below 10 and for January and February.
    "report.date_line": ("{place}, ngày {day2} tháng {month} năm {year}", "{place}, {day} {month} {year}"),
    "month.1": ("01", "January"),
    "month.2": ("02", "February"),
    "month.3": ("3", "March"),
    "month.4": ("4", "April"),
    "month.5": ("5", "May"),
    "month.6": ("6", "June"),
    "month.7": ("7", "July"),
    "month.8": ("8", "August"),
    "month.9": ("9", "September"),
    "month.10": ("10", "October"),
    "month.11": ("11", "November"),
    "month.12": ("12", "December"),
    "report.republic": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "report.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "report.number_prefix": ("Số:", "No.:"),
    "report.title": ("BÁO CÁO", "REPORT"),
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
    "report.files": ("đã tính {counted}/{read} tệp báo cáo hợp lệ.", "{counted} of {read} valid submission {read:file|files} counted."),
    "report.overall_title": ("Tình hình chung", "Overview"),
    "report.overall_text": (
        "Đến hết kỳ, {met}/{total} chỉ tiêu của Kế hoạch đạt ({share}).",
        "By the end of the period, {met} of the plan's {total} {total:indicator|indicators} {met:is|are} met ({share}).",
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
    # --- the Word report (issue 13; papi_cli/render/report_docx.py) ---
    "docx.trend_chart_title": (
        "Trạng thái các chỉ tiêu theo lĩnh vực sau từng quý của năm",
        "Indicator statuses by dimension after each quarter of the year",
    ),
    "docx.trend_caption": (
        "Kết quả sau từng quý (vạch đứng: chỉ tiêu {target})",
        "After each quarter (vertical line: target {target})",
    ),
    # (end of the Word report)
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
    # the officer's own sections (narrative/<period>.md)
    "narrative.assessment": ("Đánh giá chung", "Overall assessment"),
    "narrative.next_tasks": ("Phương hướng, nhiệm vụ kỳ tới", "Directions and tasks for the next period"),
    "narrative.proposals": ("Kiến nghị, đề xuất", "Recommendations and proposals"),
    "narrative.not_written": (
        "({coordinator} chưa viết phần này; nội dung ghi vào tệp {file}, mục \u201c{title}\u201d.)",
        "({coordinator} has not written this section yet; it goes in {file}, under \u201c{title}\u201d.)",
    ),
    "report.footer": (
        "{period} · kỳ số liệu {window} · tính đến ngày {as_of} · phiên bản dữ liệu {version}",
        "{period} · data window {window} · as of {as_of} · data version {version}",
    ),
    # report as an Excel workbook (papi_cli/render/report_xlsx.py); sheet names at most 31 characters
    "xlsx.sheet.about": ("Thông tin chung", "About"),
    "xlsx.sheet.summary": ("Tổng hợp theo lĩnh vực", "Summary by dimension"),
    "xlsx.sheet.indicators": ("Các chỉ tiêu", "Indicators"),
    "xlsx.sheet.reporting": ("Báo cáo định kỳ", "Periodic reports"),
    "xlsx.sheet.documents": ("Văn bản triển khai", "Implementation documents"),
    "xlsx.sheet.annex": ("Phụ lục", "Annex"),
    "xlsx.as_of": ("Tính đến ngày", "As of"),
    "xlsx.issued_on": ("Ngày lập báo cáo", "Date of the report"),
    "xlsx.files_read": ("Số tệp báo cáo hợp lệ đã đọc", "Valid submission files read"),
    "xlsx.files_counted": ("Số tệp báo cáo được tính", "Submission files counted"),
    "xlsx.col.papi": ("Mã PAPI", "PAPI code"),
    "xlsx.col.numerator": ("Tử số", "Numerator"),
    "xlsx.col.denominator": ("Mẫu số", "Denominator"),
    "xlsx.col.percent": ("Tỷ lệ (%)", "Percent (%)"),
    "xlsx.col.count": ("Số lượng", "Count"),
    "xlsx.col.late": ("Đạt chậm", "Met late"),
    "xlsx.col.missing_units": ("Đơn vị còn thiếu", "Units still missing"),
    "xlsx.col.met_share": ("Tỷ lệ đạt (%)", "Share met (%)"),
    "xlsx.col.on_time": ("Đúng hạn", "On time"),
    "xlsx.col.outputs": ("Sản phẩm đầu ra", "Outputs"),
    "xlsx.result": ("{status}: {value} (chỉ tiêu {target}; hạn {due})", "{status}: {value} (target {target}; due {due})"),
    "xlsx.coded": ("{code}: {text}", "{code}: {text}"),
    "xlsx.in_period": ("Báo cáo trong kỳ: {value}", "Reported in the period: {value}"),
    "xlsx.evidence": ("Minh chứng: {items}", "Evidence: {items}"),
    "xlsx.notes": ("Ghi chú: {items}", "Notes: {items}"),
    "xlsx.evidence_item": ("{text} ({agencies})", "{text} ({agencies})"),
    "xlsx.note_item": ("{agencies}: {text}", "{agencies}: {text}"),
    "xlsx.description": (
        "{summary}. Kỳ báo cáo: {period}; tính đến ngày {as_of}; phiên bản dữ liệu: {version}.",
        "{summary}. Reporting period: {period}; as of {as_of}; data version: {version}.",
    ),
    # failures
    "internal_error": (
        "papi: lỗi nội bộ (đây là lỗi của chương trình, không phải của dữ liệu). Chi tiết đã ghi vào {log}; xin gửi tệp này khi báo lỗi.",
        "papi: internal error (a bug in papi, not in your data). Details were written to {log}; please attach it to a bug report.",
    ),
    "plan_invalid": (
        "Kế hoạch có lỗi; chạy 'papi validate' để xem chi tiết.",
        "The plan has errors; run 'papi validate' for details.",
    ),
    # --- narrative, charts, printing of the report (issue 13) ---
    "period.quarter_running": ("quý {roman} năm {year}", "Q{n} {year}"),
    "period.half_running": ("6 tháng đầu năm {year}", "the first half of {year}"),
    "period.nine_months_running": ("9 tháng năm {year}", "the first nine months of {year}"),  # as its label
    "period.year_running": ("năm {year}", "{year}"),
    "report.summary_running": ("Kết quả thực hiện {title} {period}", "Implementation of the {title}: {period}"),
    "report.files_counted": (
        "Đã tính {counted} tệp báo cáo của các quý từ đầu năm đến hết kỳ, nộp đến ngày {date} (trong tổng số {read} tệp hợp lệ).",
        "Counted: {counted} submission {counted:file|files} of the year's quarters up to the end of the period, sent by {date} ({read} valid {read:file|files} in all).",
    ),
    "report.outputs": ("Sản phẩm", "Outputs"),
    "report.achieved": ("Kết quả đạt được", "Achieved"),
    "trend.axis": ("Quý {roman}", "Q{n}"),
    "trend.dimensions_title": (
        "Trạng thái các chỉ tiêu của từng lĩnh vực sau mỗi quý (lũy kế từ đầu năm); số bên phải mỗi thanh: số chỉ tiêu đạt/tổng số chỉ tiêu",
        "Indicator statuses of each dimension after each quarter (cumulative from the start of the year); beside each bar: indicators met/all indicators",
    ),
    "trend.indicators_text": (
        "Giá trị lũy kế của mỗi chỉ tiêu sau từng quý; đường gạch ngang là mức chỉ tiêu phải đạt.",
        "Each indicator's cumulative value after each quarter; the dashed line is its target.",
    ),
    "trend.target": ("chỉ tiêu {target}", "target {target}"),
    "trend.done": ("hoàn thành", "done"),
    "trend.not_done": ("chưa", "not yet"),
    "narrative.required": (
        "Báo cáo chưa được ghi: {coordinator} chưa viết {n} phần ({sections}) trong tệp {file}. Hãy viết các phần này (papi new --narrative --period {period} tạo khung tệp), hoặc chạy lại không có --require-narrative.",
        "The report was not written: {coordinator} has not written {n} {n:section|sections} ({sections}) in {file}. Write {n:it|them} (papi new --narrative --period {period} writes the file's skeleton), or run again without --require-narrative.",
    ),
    "narrative.invalid": (
        "Tệp {file} có lỗi; báo cáo chưa được ghi.",
        "The file {file} has errors; the report was not written.",
    ),
    "narrative.created": (
        "Đã tạo {file}: viết nội dung dưới ba tiêu đề (các dòng <!-- … --> là gợi ý, không đưa vào báo cáo), rồi chạy papi report --period {period}.",
        "Created {file}: write under the three headings (the <!-- … --> lines are hints, left out of the report), then run papi report --period {period}.",
    ),
    "narrative.exists": (
        "{file} đã có; papi không ghi đè lên tệp đã có. Hãy sửa trực tiếp tệp này.",
        "{file} already exists; papi does not overwrite it. Edit that file instead.",
    ),
    "narrative.cannot_write": ("Không ghi được {file}: {reason}.", "Could not write {file}: {reason}."),
    "narrative.outside": (
        "Không ghi {file}: thư mục narrative trỏ ra ngoài dự án ({target}).",
        "Not writing {file}: the narrative folder points outside the project ({target}).",
    ),
    "narrative.skeleton_intro": (
        "Phần tự viết của báo cáo {period}. Chỉ ghi dưới ba tiêu đề dưới đây; được dùng đoạn văn (cách nhau một dòng trống), danh sách (- hoặc 1.), **chữ đậm** và *chữ nghiêng*. Các dòng gợi ý như dòng này không được đưa vào báo cáo; có thể xóa chúng.",
        "The written sections of the {period} report. Write only under the three headings below; paragraphs (a blank line between two), lists (- or 1.), **bold** and *italic* are read. Hints like this one are left out of the report; you may delete them.",
    ),
    "narrative.hint.assessment": (
        "Những việc đã làm được, tồn tại, hạn chế và nguyên nhân trong kỳ.",
        "What went well in the period, the shortcomings and their causes.",
    ),
    "narrative.hint.next_tasks": (
        "Phương hướng và các nhiệm vụ trọng tâm của kỳ tới.",
        "The directions and the key tasks of the next period.",
    ),
    "narrative.hint.proposals": (
        "Kiến nghị, đề xuất với UBND tỉnh và các cơ quan liên quan.",
        "Recommendations and proposals to the People's Committee and the agencies concerned.",
    ),
    # a section's title in a list of titles, which hold commas themselves
    "narrative.quoted": ("“{title}”", "“{title}”"),
    # (end of the report additions)
    # --- reminder letters: papi remind (issue 13; papi_cli/remind) ---
    "remind.title": ("Công văn đôn đốc báo cáo {period}: {agency}", "Reminder to report for {period}: {agency}"),
    "remind.subject": ("V/v đôn đốc báo cáo kết quả thực hiện {plan}", "Re: reminder to report on the implementation of the {plan}"),
    "remind.to": ("Kính gửi: {agency}", "To: {agency}"),
    "remind.basis": (
        "Thực hiện Quyết định số {number} ngày {date} của {issuer} ban hành {plan}, các cơ quan, đơn vị báo cáo kết quả thực hiện Kế hoạch hằng quý về {coordinator}; hạn nộp báo cáo {period} là ngày {deadline}.",
        "Under Decision No. {number} of {date} of the {issuer}, which issued the {plan}, each agency reports on its implementation to the {coordinator} every quarter; the report for {period} was due on {deadline}.",
    ),
    "remind.owed": (
        "Đến ngày {as_of}, {coordinator} chưa nhận được báo cáo {period} của {agency} (quá hạn từ ngày {deadline}).",
        "As of {as_of}, the {coordinator} has not received the report of the {agency} for {period} (overdue since {deadline}).",
    ),
    "remind.document": (
        "Đồng thời, {agency} chưa gửi văn bản triển khai Kế hoạch (hạn gửi ngày {deadline}).",
        "Nor has the {agency} sent its document implementing the plan (due on {deadline}).",
    ),
    "remind.ask": (
        "Để kịp thời tổng hợp kết quả thực hiện Kế hoạch, {coordinator} đề nghị {agency} khẩn trương hoàn thành báo cáo {period} và gửi về {coordinator} chậm nhất ngày {by}.",
        "So that the plan's results can be compiled in time, the {coordinator} asks the {agency} to complete its report for {period} and send it to the {coordinator} by {by} at the latest.",
    ),
    "remind.ask_document": (
        "Để kịp thời tổng hợp kết quả thực hiện Kế hoạch, {coordinator} đề nghị {agency} khẩn trương hoàn thành báo cáo {period} và văn bản triển khai Kế hoạch, gửi về {coordinator} chậm nhất ngày {by}.",
        "So that the plan's results can be compiled in time, the {coordinator} asks the {agency} to complete its report for {period} and its implementation document, and to send them to the {coordinator} by {by} at the latest.",
    ),
    "remind.how": (
        "Báo cáo gửi bằng tệp {file} trong kho dữ liệu của Kế hoạch (tạo tệp mẫu bằng lệnh papi new --agency {code} --period {quarter}; cách ghi xem tài liệu docs/huong-dan-nop-bao-cao.md), hoặc theo biểu mẫu báo cáo của Kế hoạch gửi {coordinator}.",
        "The report is the file {file} in the plan's repository (papi new --agency {code} --period {quarter} writes its skeleton; docs/huong-dan-nop-bao-cao.md explains how to fill it in), or the plan's report form sent to the {coordinator}.",
    ),
    "remind.close": ("Đề nghị {agency} quan tâm, thực hiện./.", "The {agency} is kindly asked to act on this."),
    "remind.archive": ("Lưu: VT", "File: VT"),
    "remind.written": ("Đã ghi {file} (gửi {agency})", "Wrote {file} (to {agency})"),
    "remind.none_before_deadline": (
        "Không có công văn đôn đốc nào: hạn nộp báo cáo {period} là ngày {deadline}, đến ngày {as_of} chưa quá hạn.",
        "No reminder letter is due: the reports for {period} are due on {deadline}, not yet past on {as_of}.",
    ),
    "remind.none_missing": (
        "Không có công văn đôn đốc nào: đến ngày {as_of}, không cơ quan nào còn thiếu báo cáo {period} (hạn nộp ngày {deadline}).",
        "No reminder letter is due: on {as_of}, no agency's report for {period} is missing (due on {deadline}).",
    ),
    # (end of the reminder letters)
    # --- Excel forms: papi new --format xlsx, import, export (issue 14; papi_cli/forms) ---
    "form.sheet.instructions": ("Hướng dẫn", "Instructions"),
    "form.sheet.results": ("Chỉ tiêu", "Indicators"),
    "form.sheet.units": ("Đơn vị", "Units"),
    "form.title": (
        "Báo cáo {period} ({code}) của {agency} về thực hiện Kế hoạch cải thiện Chỉ số PAPI (Quyết định {decision})",
        "Report of {agency} for {period} ({code}) on the PAPI improvement plan (Decision {decision})",
    ),
    "form.agency": ("Cơ quan báo cáo", "Reporting agency"),
    "form.period": ("Kỳ báo cáo", "Period"),
    "form.submitted_on": ("Ngày gửi báo cáo", "Submitted on"),
    "form.submitted_on_hint": ("ngày/tháng/năm, không trước {start}", "a date, not before {start}"),
    "form.document_number": ("Số, ký hiệu văn bản triển khai Kế hoạch", "Number of the implementation document"),
    "form.document_date": ("Ngày ban hành văn bản triển khai", "Date of the implementation document"),
    "form.document_hint": ("nếu cơ quan đã ban hành; hạn {due}", "if the agency has issued one; due {due}"),
    "form.col.code": ("Mã", "Code"),
    "form.col.indicator": ("Nhiệm vụ, chỉ tiêu và cách đo", "Task, target and measure"),
    "form.col.target": ("Chỉ tiêu đo", "Measured target"),
    "form.col.due": ("Hạn", "Due"),
    "form.col.numerator": ("Tử số", "Numerator"),
    "form.col.denominator": ("Mẫu số", "Denominator"),
    "form.col.percent": ("Tỷ lệ (0–100)", "Percent (0–100)"),
    "form.col.count": ("Số lần", "Count"),
    "form.col.units": ("Đơn vị đã thực hiện", "Units done"),
    "form.col.status": ("Tình trạng", "Status"),
    "form.col.evidence": ("Văn bản minh chứng (mỗi văn bản một dòng)", "Evidence (one document a line)"),
    "form.col.note": ("Ghi chú", "Note"),
    "form.units_hint": ("đánh dấu ở trang Đơn vị", "mark them on the Units sheet"),
    "form.units.title": (
        "Đánh dấu x vào ô của mỗi đơn vị đã thực hiện, mỗi cột một chỉ tiêu (ô xám: cơ quan không được báo cáo đơn vị đó).",
        "Put an x in the cell of each unit that did the task, one column per indicator (grey: a unit the agency may not report).",
    ),
    "form.units.code": ("Mã đơn vị", "Unit code"),
    "form.units.name": ("Tên đơn vị", "Unit"),
    "form.howto.about": (
        "Biểu mẫu báo cáo của {agency}, {period}. Trang \"Chỉ tiêu\" liệt kê mọi chỉ tiêu cơ quan được báo cáo, chỉ tiêu của nhiệm vụ cơ quan chủ trì trước.",
        "The report form of {agency}, {period}. The \"Indicators\" sheet lists every indicator the agency may report, those of the tasks it leads first.",
    ),
    "form.howto.open": (
        "Chỉ điền vào các ô nền vàng: ngày gửi báo cáo, văn bản triển khai (nếu có), và số liệu của từng chỉ tiêu. Các ô khác được khóa (Bảo vệ trang tính, không có mật khẩu).",
        "Fill in only the yellow cells: the date of the report, the implementation document (if any), and each indicator's figures. The other cells are locked (sheet protection, without a password).",
    ),
    "form.howto.rows": (
        "Chỉ tiêu không có gì để báo cáo trong quý thì để trống cả dòng. Tử số không lớn hơn mẫu số; tỷ lệ là số từ 0 đến 100; tình trạng chọn trong danh sách.",
        "Leave the whole row of an indicator empty when there is nothing to report this quarter. The numerator is not larger than the denominator; a percent is a number from 0 to 100; pick the status from the list.",
    ),
    "form.howto.units": (
        "Chỉ tiêu độ phủ (số xã, số huyện đã thực hiện): đánh dấu x ở trang \"Đơn vị\", cột của chỉ tiêu, dòng của từng đơn vị đã thực hiện.",
        "Coverage indicators (communes or districts that did the task): put an x on the \"Units\" sheet, in the indicator's column, on the row of each unit that did it.",
    ),
    "form.howto.evidence": (
        "Minh chứng: mỗi văn bản một dòng trong ô (Alt+Enter để xuống dòng), ví dụ: Kế hoạch số 12/KH-SYT ngày 05/3/2020. Một chỉ tiêu báo cáo hoàn thành phải có ít nhất một minh chứng.",
        "Evidence: one document a line in the cell (Alt+Enter for a new line), e.g. Plan No. 12/KH-SYT of 05/03/2020. An indicator reported done needs at least one piece of evidence.",
    ),
    "form.howto.import": (
        "Lưu tệp (định dạng .xlsx) rồi gửi cho Sở Nội vụ; cán bộ tiếp nhận chạy: papi import <tệp>.xlsx, lệnh này kiểm tra mọi ô và ghi submissions/{period}/{agency}.yaml, hoặc chỉ ra trang và ô có lỗi.",
        "Save the file (as .xlsx) and send it to the Department of Home Affairs; the officer runs papi import <file>.xlsx, which checks every cell and writes submissions/{period}/{agency}.yaml, or names the sheet and cell of each error.",
    ),
    "form.howto.layout": (
        "Không xóa cột ẩn A và không sửa mã ở cột \"Mã\": papi tìm lại từng dòng theo các mã đó. Có thể đổi tên hay thứ tự trang, chèn hay xóa dòng trống. Không dùng macro, công thức hay liên kết tới tệp khác.",
        "Do not delete the hidden column A nor change the codes in the \"Code\" column: papi finds each row again by them. Sheets may be renamed or reordered, empty rows inserted or deleted. Do not use macros, formulas or links to other files.",
    ),
    "form.invalid.whole": ("Nhập một số nguyên không âm.", "Enter a whole number, 0 or more."),
    "form.invalid.percent": ("Nhập một số từ 0 đến 100.", "Enter a number from 0 to 100."),
    "form.invalid.status": ("Chọn một tình trạng trong danh sách.", "Pick a status from the list."),
    "form.invalid.date": ("Nhập một ngày (ngày/tháng/năm).", "Enter a date."),
    "form.invalid.mark": ("Nhập x, hoặc để trống.", "Enter x, or leave it empty."),
    "form.created": (
        "Đã tạo biểu mẫu {file}: {indicators} chỉ tiêu ({leads} chủ trì, {others} phối hợp). Điền các ô nền vàng, rồi nhập: papi import {file}",
        "Created the form {file}: {indicators} {indicators:indicator|indicators} ({leads} led, {others} implemented). Fill in the yellow cells, then import it: papi import {file}",
    ),
    "form.exists": (
        "Tệp {file} đã có; papi không ghi đè. Hãy dùng chính tệp đó, hoặc xóa nó trước nếu muốn tạo lại.",
        "The file {file} already exists; papi never overwrites it. Use that file, or delete it first to make it again.",
    ),
    "form.imported": ("Đã nhập {source} vào {file}.", "Imported {source} into {file}."),
    "form.replaced": ("Đã nhập {source}, thay {file}.", "Imported {source}, replacing {file}."),
    "form.would_import": (
        "{source} không có lỗi; sẽ được ghi vào {file} (--dry-run: chưa ghi gì).",
        "{source} has no errors; it would be written to {file} (--dry-run: nothing written).",
    ),
    "form.not_imported": (
        "Chưa nhập {source}: biểu mẫu có lỗi (xem trên); hãy sửa các ô đã nêu rồi nhập lại.",
        "{source} was not imported: the form has errors (above); correct the cells named and import it again.",
    ),
    "form.import_summary": ("Đã nhập {imported}/{files} biểu mẫu.", "Imported {imported} of {files} {files:form|forms}."),
    "form.check_summary": (
        "Nhập được {imported}/{files} biểu mẫu (--dry-run: chưa ghi gì).",
        "{imported} of {files} {files:form|forms} can be imported (--dry-run: nothing written).",
    ),
    "form.exported": (
        "Đã ghi biểu mẫu {file} từ {source}: sửa các ô nền vàng, rồi nhập lại bằng papi import {file} --replace",
        "Wrote the form {file} from {source}: correct the yellow cells, then import it again with papi import {file} --replace",
    ),
    "form.export_missing": (
        "Chưa có báo cáo {file} để xuất ra biểu mẫu; dùng papi new --format xlsx để tạo biểu mẫu trống.",
        "There is no submission {file} to export; use papi new --format xlsx for an empty form.",
    ),
    "form.export_invalid": (
        "{file} có lỗi nên chưa xuất được; hãy sửa tệp (papi validate {file}).",
        "{file} has errors and cannot be exported; correct it first (papi validate {file}).",
    ),
    # (end of the forms labels)
}

# --- what a field holds: the ``expected`` of "wrong type" and "not filled in" messages ------------
EXPECTED: dict[str, tuple[str, str]] = {
    "expected.mapping": ("một bảng 'khóa: giá trị'", "a mapping of 'key: value'"),
    "expected.text": ("một chuỗi văn bản", "text"),
    "advice.whole": ("bỏ dấu nháy, ghi {number}", "drop the quotes and write {number}"),
    "advice.decimal": (
        "bỏ dấu nháy (và dấu %), dùng dấu chấm thập phân: ghi {number}",
        "drop the quotes (and the % sign) and use a decimal point: write {number}",
    ),
    "expected.agency": ("mã cơ quan, trùng tên tệp", "the agency code, the same as the file name"),
    "expected.period": ("quý báo cáo dạng YYYY-Qn, trùng tên thư mục", "the quarter as YYYY-Qn, the same as the folder"),
    "expected.date": ("một ngày dạng YYYY-MM-DD", "a date YYYY-MM-DD"),
    "expected.results": ("các chỉ tiêu báo cáo, mỗi chỉ tiêu một mục theo mã", "the indicators reported, one entry per code"),
    "expected.list": ("một danh sách, ví dụ [\"…\", \"…\"]", "a list, e.g. [\"…\", \"…\"]"),
    "expected.units": ("danh sách đơn vị [tên không dấu hoặc mã, …] hoặc all", "a list of units [short name or code, …] or all"),
    "expected.whole": ("một số nguyên không âm", "a whole number, not negative"),
    "expected.percent": ("một số từ 0 đến 100", "a number from 0 to 100"),
    "expected.integer": ("một số nguyên", "a whole number"),
    "expected.number": ("một số", "a number"),
    "expected.bool": ("true hoặc false", "true or false"),
    "expected.plain_list": ("một danh sách", "a list"),
    "expected.one_of": ("một trong: {values}", "one of: {values}"),
    "expected.pattern": ("đúng định dạng", "in the expected format"),
    "expected.at_least": ("không nhỏ hơn {limit}", "not below {limit}"),
    "expected.at_most": ("không lớn hơn {limit}", "not above {limit}"),
    "expected.not_empty": ("không rỗng", "not empty"),
    "expected.valid": ("một giá trị hợp lệ (pydantic: {detail})", "a valid value ({detail})"),
}

# --- parts of messages: details, allowed ranges, system errors, YAML syntax ----------------------
DETAILS: dict[str, tuple[str, str]] = {
    "field.root": ("(gốc)", "(root)"),
    "detail.district_code": ("mã huyện '{value}' phải gồm 3 chữ số", "the district code '{value}' must have 3 digits"),
    "detail.commune_code": ("mã xã '{value}' phải gồm 5 chữ số", "the commune code '{value}' must have 5 digits"),
    "detail.not_regular": (
        "đây không phải một tệp thường (có thể là thư mục, FIFO hay thiết bị)",
        "this is not a regular file (it may be a folder, a FIFO or a device)",
    ),
    "detail.no_unit": ("không có đơn vị '{value}'", "there is no unit '{value}'"),
    "detail.committee_code": ("mã UBND phải là '{expected}'", "a People's Committee's code must be '{expected}'"),
    "allowed.count": ("số nguyên ≥ 0", "a whole number ≥ 0"),
    "allowed.strict": ("0 ≤ ngưỡng < 100 với phép so sánh '>'", "0 ≤ threshold < 100 with the comparison '>'"),
    "allowed.percent": ("0 < ngưỡng ≤ 100 (%)", "0 < threshold ≤ 100 (%)"),
    # Operating-system errors, by errno name; any other is shown with its number and the system's words.
    "os.EACCES": ("không có quyền truy cập", "permission denied"),
    "os.EPERM": ("không được phép", "operation not permitted"),
    "os.ENOENT": ("không tồn tại", "no such file or folder"),
    "os.EISDIR": ("đây là một thư mục, không phải tệp", "it is a folder, not a file"),
    "os.ENOTDIR": ("một phần của đường dẫn không phải thư mục", "a part of the path is not a folder"),
    "os.ENOSPC": ("đĩa đã đầy", "no space left on the disk"),
    "os.EDQUOT": ("đã hết hạn mức dung lượng", "the disk quota is exceeded"),
    "os.EROFS": ("hệ thống tệp chỉ cho phép đọc", "the file system is read-only"),
    "os.ELOOP": ("vòng lặp liên kết tượng trưng (symlink)", "a loop of symbolic links"),
    "os.EEXIST": ("đã có tệp ở đó", "a file already exists there"),
    "os.ENAMETOOLONG": ("tên quá dài", "the name is too long"),
    "os.EIO": ("lỗi đọc ghi của thiết bị", "an input/output error of the device"),
    "os.other": ("lỗi hệ thống số {errno} ({detail})", "system error {errno} ({detail})"),
    # Syntax errors in a clerk's words (``yamlsyntax``): the mistakes found, then libyaml's complaints.
    "syntax.mapping_values": (
        "không được có dấu ':' ở đây — thụt lề sai, hoặc giá trị có dấu ': ' cần đặt trong dấu nháy",
        "a ':' is not allowed here: the indentation is wrong, or a value containing ': ' needs quotes",
    ),
    "syntax.missing_colon": ("thiếu dấu ':' sau tên trường", "a ':' is missing after the field name"),
    "syntax.indentation": ("thụt lề không khớp với các dòng phía trên", "the indentation does not match the lines above"),
    "syntax.list_end": ("danh sách [...] thiếu dấu ',' hoặc dấu ']' đóng", "a list [...] lacks a ',' or its closing ']'"),
    "syntax.mapping_end": ("bảng {{...}} thiếu dấu ',' hoặc dấu '}}' đóng", "a mapping {{...}} lacks a ',' or its closing '}}'"),
    "syntax.missing_value": ("thiếu giá trị", "a value is missing"),
    "syntax.list_indentation": ("thụt lề của danh sách '-' không khớp", "the indentation of the list '-' does not match"),
    "syntax.unexpected_end": (
        "tệp kết thúc giữa chừng (thiếu dấu nháy hoặc dấu ngoặc đóng?)",
        "the file ends too early (a missing quote or closing bracket?)",
    ),
    "syntax.undefined_alias": ("bí danh (*…) chưa được định nghĩa", "an alias (*…) is not defined"),
    "syntax.bad_escape": (
        "ký tự thoát không hợp lệ trong chuỗi nháy kép (hãy dùng nháy đơn)",
        "an invalid escape in a double-quoted string (use single quotes)",
    ),
    "syntax.bad_start": (
        "ký tự không thể đứng đầu một giá trị (như @ hoặc `); hãy đặt giá trị trong dấu nháy",
        "a character that cannot start a value (such as @ or `); put the value in quotes",
    ),
    "syntax.list_not_allowed": (
        "không được bắt đầu danh sách '-' ở đây: mỗi mục '- …' phải nằm trên một dòng riêng, thụt lề dưới tên trường, hoặc viết cả danh sách trên một dòng dạng [a, b]",
        "a list '-' cannot start here: put each '- …' item on its own line, indented under the field, or write the list on one line as [a, b]",
    ),
    "syntax.lookalike_space": (
        "ký tự {char} ({name}) trông như dấu cách nhưng YAML không coi là dấu cách (thường do sao chép từ Word hay trang web): hãy xóa nó và gõ lại một dấu cách thường",
        "the character {char} ({name}) looks like a space but YAML does not take it for one (it comes from copying out of Word or a web page): delete it and type an ordinary space",
    ),
    "syntax.space_after_colon": (
        "thiếu dấu cách sau dấu ':' của '{key}': hãy gõ một dấu cách ngay trước '{value}' ({key}: {value})",
        "a space is missing after the ':' of '{key}': type one just before '{value}' ({key}: {value})",
    ),
    "syntax.unclosed_quote": (
        "dấu nháy {quote} mở ở cột {column} chưa được đóng trên dòng này: hãy gõ {quote} ở cuối đoạn văn bản",
        "the quote {quote} opened at column {column} is not closed on this line: type {quote} at the end of the text",
    ),
    "syntax.text_after_quote": (
        "sau dấu nháy {quote} đóng chỉ được có chú thích (#), nhưng còn '{text}': hãy đưa cả đoạn văn bản vào trong dấu nháy",
        "after the closing quote {quote} only a comment (#) may follow, but '{text}' does: put the whole text inside the quotes",
    ),
    "syntax.colon_in_text": (
        "văn bản của '{key}' có dấu ': ' nên YAML hiểu như một trường mới: hãy đặt cả đoạn văn bản trong dấu nháy kép: {quoted}",
        "the text of '{key}' holds ': ', which YAML reads as a new field: put the whole text in double quotes: {quoted}",
    ),
    "syntax.unclosed_bracket": (
        "dấu '{open}' mở ở cột {column} chưa được đóng trên dòng này: hãy gõ '{close}' ở chỗ nó kết thúc",
        "the '{open}' opened at column {column} is not closed on this line: type '{close}' where it ends",
    ),
    "syntax.misaligned": (
        "dòng này thụt lề {indent} dấu cách, còn dòng {line} phía trên thụt {above}: các trường cùng cấp phải thẳng hàng; hãy thụt lề dòng này {above} dấu cách",
        "this line is indented {indent} {indent:space|spaces} while line {line} above has {above}: fields at the same level line up; indent this line {above} {above:space|spaces}",
    ),
    "syntax.document_start": (
        "nội dung này không thuộc trường nào: dòng '---' hay '...' kết thúc tài liệu, hoặc một mục '-' đứng ngoài danh sách; hãy xóa hoặc thụt lề cho đúng",
        "this content belongs to no field: a '---' or '...' line ends the document, or a '-' item stands outside a list; delete it or indent it correctly",
    ),
    "syntax.after_value": (
        "sau giá trị chỉ được có chú thích (#): hãy đặt cả giá trị trong dấu nháy",
        "only a comment (#) may follow the value: put the whole value in quotes",
    ),
    "syntax.anchor": (
        "'&' và '*' ở đầu giá trị có nghĩa riêng trong YAML: hãy đặt giá trị trong dấu nháy",
        "'&' and '*' at the start of a value mean something else to YAML: put the value in quotes",
    ),
    "syntax.tag": (
        "'!' ở đầu giá trị có nghĩa riêng trong YAML: hãy đặt giá trị trong dấu nháy",
        "'!' at the start of a value means something else to YAML: put the value in quotes",
    ),
    "syntax.control_character": (
        "ký tự điều khiển {char} không được phép trong tệp văn bản",
        "the control character {char} is not allowed in a text file",
    ),
    "syntax.libyaml": (
        "YAML không đọc được tệp từ vị trí này (libyaml: {text}); hãy so dòng này với dòng phía trên và với mẫu của papi new",
        "YAML cannot read the file from here (libyaml: {text}); compare this line with the one above and with papi new's form",
    ),
}

# --- the command line: usage errors and help ---------------------------------------------------
USAGE: dict[str, tuple[str, str]] = {
    "usage.line": ("papi: {message}", "papi: {message}"),
    "usage.see_help": ("(xem '{command} --help')", "(see '{command} --help')"),
    "usage.aborted": ("papi: đã dừng", "papi: aborted"),
    "usage.no_output": ("đầu ra chuẩn (stdout) đã đóng: không có chỗ ghi kết quả", "standard output is closed: there is nowhere to write the result"),
    "usage.output_failed": ("không ghi được kết quả ra đầu ra chuẩn: {reason}", "could not write the result to standard output: {reason}"),
    "usage.refused": ("{option}: {detail}", "{option}: {detail}"),
    "usage.no_folder": ("{option}: không có thư mục {folder}", "{option}: no such folder: {folder}"),
    "usage.not_a_folder": ("{option}: '{value}' không phải thư mục", "{option}: '{value}' is not a folder"),
    "usage.no_path": ("không có tệp hoặc thư mục '{path}'", "no such file or folder '{path}'"),
    "usage.papi_today": ("PAPI_TODAY='{value}': cần một ngày YYYY-MM-DD", "PAPI_TODAY='{value}': needs a date YYYY-MM-DD"),
    "usage.add_nothing": ("papi add cần ít nhất một tệp báo cáo", "papi add needs at least one submission file"),
    "usage.years_differ": (
        "--year {year} và --period {period} là hai năm khác nhau; chỉ cần một trong hai",
        "--year {year} and --period {period} name different years; one of them is enough",
    ),
    "usage.plan_of_other_year": (
        "{option}: năm {year}, nhưng --plan {plan} là kế hoạch năm {plan_year}",
        "{option}: the year {year}, but --plan {plan} is the plan of {plan_year}",
    ),
    "usage.no_project": (
        "không tìm thấy dự án: không có thư mục plan/ trong {folder} hay thư mục cha nào của nó. Hãy chạy papi trong thư mục dự án (hoặc một thư mục con của nó), hoặc chỉ ra thư mục dự án bằng --root",
        "no project found: there is no plan/ folder in {folder} or any folder above it. Run papi inside the project folder (or one of its subfolders), or name the project folder with --root",
    ),
    "usage.as_of_before_period": (
        "--as-of {value} trước ngày bắt đầu kỳ {period} ({start}): chưa có gì của kỳ này để tính. Hãy chọn một ngày từ {start} trở đi, hoặc bỏ --as-of để tính đến hết kỳ ({end})",
        "--as-of {value} is before {period} begins ({start}): nothing of that period can be counted yet. Give a date from {start} on, or leave out --as-of to evaluate at the period's end ({end})",
    ),
    "usage.unknown_agency": (
        "{option}: không có cơ quan '{value}' trong kế hoạch{closest}. Mã của mọi cơ quan: papi agencies",
        "{option}: there is no agency '{value}' in the plan{closest}. Every agency's code: papi agencies",
    ),
    "usage.unknown_dimension": (
        "{option}: không có '{value}'; chọn một trong: {allowed}",
        "{option}: no '{value}'; choose one of: {allowed}",
    ),
    "usage.no_plan_year": (
        "{option} {value}: không có kế hoạch năm {year} ({plan}); các năm có kế hoạch: {years}",
        "{option} {value}: there is no plan for {year} ({plan}); the years with a plan: {years}",
    ),
    "usage.bad_date": ("{option}: '{value}' không phải ngày YYYY-MM-DD", "{option}: '{value}' is not a date YYYY-MM-DD"),
    "usage.bad_year": ("{option}: '{value}' không phải một năm (YYYY)", "{option}: '{value}' is not a year (YYYY)"),
    "usage.choice": (
        "{option}: '{value}' không hợp lệ; chọn một trong: {choices}",
        "{option}: '{value}' is not valid; choose one of: {choices}",
    ),
    "usage.cannot_write": ("{option}: không ghi được {target}: {reason}", "{option}: cannot write {target}: {reason}"),
    "usage.out_is_file": ("{option}: {folder} là một tệp, không phải thư mục", "{option}: {folder} is a file, not a folder"),
    "usage.out_in_data": (
        "{option}: không ghi báo cáo vào {folder}, vì thư mục này nằm trong thư mục dữ liệu {data} (báo cáo sẽ bị lẫn với số liệu); hãy chọn thư mục khác",
        "{option}: no report is written into {folder}, which lies in the data folder {data} (it would mix with the figures); choose another folder",
    ),
    "usage.leads_nothing": (
        "{option}: '{value}' không chủ trì hay thực hiện nhiệm vụ nào",
        "{option}: '{value}' leads or implements no task",
    ),
    "period.bad_code": (
        "'{value}' không phải kỳ báo cáo; dùng {forms} (ví dụ 2020-Q2)",
        "'{value}' is not a reporting period; use {forms} (e.g. 2020-Q2)",
    ),
    "period.not_quarter": ("'{value}' không phải một quý (YYYY-Qn)", "'{value}' is not a quarter (YYYY-Qn)"),
    # click's own errors, said again in papi's words
    "click.missing_option": ("thiếu tùy chọn bắt buộc {option}", "missing option {option}"),
    "click.missing_argument": ("thiếu đối số {name}", "missing argument {name}"),
    "click.no_such_option": ("không có tùy chọn {option}", "no such option: {option}"),
    "click.did_you_mean": ("{message}. Có phải ý bạn là {names}?", "{message}. Did you mean {names}?"),
    "click.needs_value": ("tùy chọn {option} cần một giá trị", "the option {option} requires a value"),
    "click.takes_no_value": ("tùy chọn {option} không nhận giá trị", "the option {option} does not take a value"),
    "click.extra_arguments": (
        "thừa {count} đối số: {arguments}",
        "unexpected extra {count:argument|arguments}: {arguments}",
    ),
    "click.no_such_command": ("không có lệnh '{name}'", "no such command '{name}'"),
    "click.missing_command": ("thiếu tên lệnh", "missing command"),
    "click.bad_value": ("giá trị không hợp lệ cho {option}", "invalid value for {option}"),
    "click.other": ("{message}", "{message}"),
    # the help screens
    "help.usage": ("Cách dùng:", "Usage:"),
    "help.options": ("Tùy chọn", "Options"),
    "help.arguments": ("Đối số", "Arguments"),
    "help.commands": ("Lệnh", "Commands"),
    "help.options_metavar": ("[TÙY CHỌN]", "[OPTIONS]"),
    "help.command_metavar": ("LỆNH [ĐỐI SỐ]...", "COMMAND [ARGS]..."),
    "help.metavar.folder": ("THƯ_MỤC", "DIR"),
    "help.metavar.file": ("TỆP", "FILE"),
    "help.metavar.period": ("KỲ", "PERIOD"),
    "help.metavar.date": ("NGÀY", "DATE"),
    "help.metavar.code": ("MÃ", "CODE"),
    "help.metavar.format": ("ĐỊNH_DẠNG", "FORMAT"),
    "help.metavar.year": ("NĂM", "YEAR"),
    "help.metavar.status": ("TRẠNG_THÁI", "STATUS"),
    "help.metavar.lang": ("NGÔN_NGỮ", "LANG"),
    "help.metavar.value": ("GIÁ_TRỊ", "VALUE"),
    "help.default": ("[mặc định: {default}]", "[default: {default}]"),
    "help.required": ("[bắt buộc]", "[required]"),
    "help.envvar": ("[biến môi trường: {var}]", "[env var: {var}]"),
    "help.help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "help.version": ("In số phiên bản rồi thoát.", "Print the version and exit."),
    "help.papi": (
        "papi — theo dõi thực hiện Kế hoạch cải thiện Chỉ số PAPI của tỉnh trên các tệp văn bản: kế hoạch đã duyệt, mỗi cơ quan một tệp báo cáo YAML mỗi quý, kiểm tra trong CI, 'papi status' trên màn hình và các tệp báo cáo.",
        "papi — a compliance tracker for a province's PAPI improvement plan over plain files: a reviewed plan, one YAML submission per agency per quarter, validation in CI, 'papi status' in a terminal and report files.",
    ),
    "help.agencies": (
        "Danh sách cơ quan: mã (tên tệp báo cáo), tên, cấp, nhiệm vụ chủ trì và phối hợp, có phải báo cáo quý hay không.",
        "The agencies: code (the report's file name), name, level, tasks led and implemented, whether a quarterly report is owed.",
    ),
    "help.tasks": ("Danh mục nhiệm vụ của kế hoạch: nhiệm vụ, chỉ tiêu, cơ quan chủ trì, thời hạn.", "The plan's catalogue: tasks, targets, leads and due dates."),
    "help.validate": ("Kiểm tra kế hoạch và các tệp báo cáo; thoát với mã 1 khi có lỗi.", "Check the plan and the submission files; exit 1 when any has an error."),
    "help.status": (
        "Mọi chỉ tiêu: kết quả, chỉ tiêu, tiến độ, trạng thái, hạn, cơ quan chủ trì; ai chưa báo cáo.",
        "Every indicator: value, target, progress, status, due date, lead; who has not reported.",
    ),
    "help.report": ("Ghi báo cáo của một kỳ (bao-cao-papi-<kỳ>.<md|html|json>).", "Write the report of a period (bao-cao-papi-<P>.<md|html|json>)."),
    "help.new": (
        "Tạo tệp báo cáo mẫu cho một cơ quan và một quý; với --narrative, khung phần tự viết của báo cáo một kỳ (narrative/<kỳ>.md). Không bao giờ ghi đè.",
        "Write a skeleton submission for an agency and a quarter; with --narrative, the skeleton of a period report's written sections (narrative/<period>.md). Never overwrites.",
    ),
    "help.add": (
        "Đưa tệp báo cáo nhận được (qua thư điện tử…) vào đúng chỗ: kiểm tra từng tệp theo agency và period ghi trong tệp, rồi chép tệp không có lỗi vào submissions/<quý>/<cơ quan>.yaml; không ghi đè tệp đã có trừ khi có --replace.",
        "Put submissions received (by e-mail…) in their place: check each file as the agency and period it states, then copy each file without errors to submissions/<quarter>/<agency>.yaml; an existing file is never replaced unless --replace is given.",
    ),
    "help.plan": ("Các lệnh về tệp kế hoạch.", "Commands about plan files."),
    "help.plan_check": (
        "Kiểm tra một tệp kế hoạch và tệp đơn vị hành chính nó dẫn tới (ví dụ bản dự thảo kế hoạch năm sau), chỉ rõ tệp, dòng, cột của từng lỗi.",
        "Check a plan file and the units file it names (a draft of next year's plan, say), each problem with its file, line and column.",
    ),
    "help.opt.file": ("Tệp kế hoạch cần kiểm tra.", "The plan file to check."),
    "help.codeowners": ("In tệp CODEOWNERS: tệp báo cáo của mỗi cơ quan thuộc người duyệt của cơ quan đó.", "Print a CODEOWNERS file: each agency's submissions to its owners."),
    "help.schema": ("In JSON Schema của tệp báo cáo, với các mã của kế hoạch.", "Print the JSON Schema of a submission file, with the plan's codes as enums."),
    "help.outcome": (
        "Điểm PAPI đã công bố của tỉnh so với mục tiêu 1.3; thoát với mã 1 khi chưa đạt.",
        "The province's published PAPI scores against goal 1.3; exit 1 when the goal is not met.",
    ),
    "help.opt.root": ("Thư mục dự án (mặc định: thư mục hiện tại).", "Project folder (default: the current directory)."),
    "help.opt.plan": ("Tệp kế hoạch (mặc định: ROOT/plan/<năm mới nhất>.yaml).", "Plan file (default: ROOT/plan/<newest year>.yaml)."),
    "help.opt.submissions": ("Thư mục báo cáo (mặc định: ROOT/submissions).", "Submissions folder (default: ROOT/submissions)."),
    "help.opt.lang": ("Ngôn ngữ của nhãn và thông báo: vi (mặc định) hoặc en.", "Language of labels and messages: vi (default) or en."),
    "help.opt.no_cache": (
        "Phân tích và kiểm tra lại mọi tệp, không đọc hay ghi bộ nhớ đệm.",
        "Parse and check every file again, without reading or writing the cache.",
    ),
    "help.opt.agency": ("Chỉ các nhiệm vụ cơ quan này chủ trì hoặc thực hiện.", "Only the tasks this agency leads or implements."),
    "help.opt.agency_new": ("Mã cơ quan, ví dụ so-ldtbxh.", "The agency code, e.g. so-ldtbxh."),
    "help.opt.dimension": ("Chỉ lĩnh vực này (I … VII, IX).", "Only this dimension (I … VII, IX)."),
    "help.opt.fmt": ("Định dạng: {choices}.", "Format: {choices}."),
    "help.opt.files_add": ("Các tệp báo cáo nhận được.", "The submission files received."),
    "help.opt.replace": (
        "Thay tệp báo cáo đã có của cùng cơ quan và quý (bản gửi lại).",
        "Replace the existing submission of the same agency and quarter (a resubmission).",
    ),
    "help.opt.files": ("Các tệp báo cáo cần kiểm tra (mặc định: tất cả).", "Submission files to check (default: all)."),
    "help.opt.as_of": (
        "Tính đến ngày này (YYYY-MM-DD; mặc định hôm nay, không quá ngày cuối năm kế hoạch).",
        "Evaluate as of this date (YYYY-MM-DD; default today, capped at the plan year's end).",
    ),
    "help.opt.as_of_report": ("Thay ngày tính của kỳ (YYYY-MM-DD).", "Override the period's evaluation date (YYYY-MM-DD)."),
    "help.opt.period": ("Kỳ báo cáo: YYYY-Q1…Q4, YYYY-H1, YYYY-9M hoặc YYYY.", "Reporting period: YYYY-Q1…Q4, YYYY-H1, YYYY-9M or YYYY."),
    "help.opt.quarter": (
        "Quý báo cáo, ví dụ 2020-Q2 (với --narrative: mọi kỳ báo cáo, ví dụ 2020-H1, 2020).",
        "The quarter, e.g. 2020-Q2 (with --narrative: any period, e.g. 2020-H1, 2020).",
    ),
    "help.opt.fail_on": (
        "Thoát với mã 1 khi có chỉ tiêu không đạt (missed), hoặc có nguy cơ không đạt hay không đạt (at_risk).",
        "Exit 1 when an indicator is missed (missed), or at risk or missed (at_risk).",
    ),
    "help.opt.out": ("Thư mục ghi báo cáo (mặc định: ROOT/reports).", "Folder to write the report into (default: ROOT/reports)."),
    "help.opt.templates": ("Dùng các mẫu báo cáo trong thư mục này trước.", "Use report templates from this folder first."),
    "help.opt.year": ("Năm khảo sát PAPI, ví dụ 2020.", "The PAPI survey year, e.g. 2020."),
    "help.opt.plan_year": (
        "Năm kế hoạch (mặc định: năm của --period hay --as-of; không có thì năm nay nếu có kế hoạch, nếu không thì năm kế hoạch mới nhất).",
        "The plan year (default: that of --period or --as-of; else this year if it has a plan, else the latest plan's).",
    ),
    "help.opt.plan_year_all": (
        "Chỉ kế hoạch của năm này (mặc định: mọi năm có kế hoạch).",
        "Only the plan of this year (default: every year with a plan).",
    ),
    "help.opt.scores": ("Tệp CSV điểm PAPI (mặc định: plan/papi-scores-<năm>.csv).", "CSV of PAPI scores (default: plan/papi-scores-<year>.csv)."),
    # --- usage of the documents commands (issue 13: report, remind) ---
    "help.remind": (
        "Ghi công văn đôn đốc các cơ quan còn thiếu báo cáo của một quý (don-doc-<cơ quan>-<quý>.<md|html|docx>).",
        "Write a reminder letter to each agency whose report for a quarter is missing (don-doc-<agency>-<P>.<md|html|docx>).",
    ),
    "help.opt.as_of_remind": (
        "Xét tình hình nộp báo cáo đến ngày này, cũng là ngày của công văn (YYYY-MM-DD; mặc định hôm nay).",
        "Check the reports as of this date, which is also the letters' date (YYYY-MM-DD; default today).",
    ),
    "help.opt.by": (
        "Hạn mới đề nghị gửi báo cáo (YYYY-MM-DD; mặc định 5 ngày làm việc sau ngày xét).",
        "The new date asked for (YYYY-MM-DD; default 5 working days after the as-of date).",
    ),
    "help.opt.out_remind": ("Thư mục ghi công văn (mặc định: ROOT/reports).", "Folder to write the letters into (default: ROOT/reports)."),
    "usage.by_not_after": (
        "{option}: ngày {by} phải sau ngày xét {as_of}",
        "{option}: {by} must come after the as-of date {as_of}",
    ),
    "help.opt.issued_on": (
        "Ngày ban hành ghi trên báo cáo (YYYY-MM-DD; mặc định: hôm nay theo giờ Việt Nam).",
        "The date of issue printed on the report (YYYY-MM-DD; default: today in Vietnam).",
    ),
    "help.opt.number": (
        "Số của báo cáo, ví dụ \"45/BC-SNV\" (mặc định: report.number trong tệp kế hoạch).",
        "The report's number, e.g. \"45/BC-SNV\" (default: report.number in the plan file).",
    ),
    "help.opt.require_narrative": (
        "Không ghi báo cáo (thoát với mã 1) khi còn phần tự viết nào chưa có trong narrative/<kỳ>.md.",
        "Do not write the report (exit 1) while a written section is missing from narrative/<period>.md.",
    ),
    "help.opt.narrative": (
        "Tạo khung tệp narrative/<kỳ>.md (phần tự viết của báo cáo) thay cho tệp báo cáo của cơ quan.",
        "Write the skeleton of narrative/<period>.md (the report's written sections) instead of an agency's submission.",
    ),
    "usage.agency_or_narrative": (
        "Cần --agency (tạo tệp báo cáo của một cơ quan) hoặc --narrative (tạo khung phần tự viết của báo cáo).",
        "Give --agency (an agency's submission) or --narrative (the skeleton of the report's written sections).",
    ),
    "usage.format_with_narrative": (
        "--format và --out không dùng cùng --narrative: khung phần tự viết luôn được ghi vào narrative/<kỳ>.md.",
        "--format and --out do not go with --narrative: the skeleton is always written to narrative/<period>.md.",
    ),
    "usage.agency_with_narrative": (
        "--agency không dùng cùng --narrative: phần tự viết là của cả báo cáo, không của một cơ quan.",
        "--agency does not go with --narrative: the written sections belong to the whole report, not to one agency.",
    ),
    "usage.bad_number": (
        "{option} '{value}' không dùng được: số báo cáo phải có chữ và không quá 60 ký tự, không có ký tự điều khiển.",
        "{option} '{value}' cannot be used: a report number holds some text, at most 60 characters, no control characters.",
    ),
    # (end of the documents usage)
    # --- usage of the forms commands (issue 14: import, export) ---
    "usage.out_needs_xlsx": (
        "{option} chỉ dùng với --format xlsx: tệp YAML luôn được ghi vào submissions/<kỳ>/<cơ quan>.yaml.",
        "{option} goes only with --format xlsx: a YAML file is always written to submissions/<period>/<agency>.yaml.",
    ),
    "help.opt.out_form": ("Thư mục ghi biểu mẫu (mặc định: thư mục hiện tại).", "Folder to write the form into (default: the current folder)."),
    "help.opt.fmt_new": ("yaml (tệp báo cáo, mặc định) hoặc xlsx (biểu mẫu Excel).", "yaml (the submission file, default) or xlsx (an Excel form)."),
    "usage.import_nothing": ("Hãy nêu ít nhất một tệp biểu mẫu .xlsx.", "Name at least one .xlsx form."),
    "help.import": (
        "Nhập các biểu mẫu Excel đã điền: kiểm tra như papi validate và ghi submissions/<kỳ>/<cơ quan>.yaml (không ghi đè nếu không có --replace).",
        "Import filled Excel forms: check them as papi validate does and write submissions/<period>/<agency>.yaml (never over a file without --replace).",
    ),
    "help.export": (
        "Xuất một báo cáo đã có ra biểu mẫu Excel, để cơ quan sửa rồi gửi lại.",
        "Write an existing submission back into an Excel form, for the agency to correct and send again.",
    ),
    "help.opt.files_import": ("Các biểu mẫu .xlsx đã điền.", "The filled .xlsx forms."),
    "help.opt.dry_run": ("Chỉ kiểm tra, không ghi tệp nào.", "Check only; write nothing."),
    # (end of the forms usage)
}

CATALOGUE: dict[str, tuple[str, str]] = {}
for _section in (PROBLEMS, LABELS, EXPECTED, DETAILS, USAGE):
    CATALOGUE.update(_section)


class _Formatter(string.Formatter):
    """``str.format`` with papi's argument types: Messages rendered in the language, tuples
    joined with commas, and ``{n:one|many}`` choosing the singular for 1, else the plural."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if value == 1 else many
        return str(super().format_field(self.convert(value), format_spec))

    def convert(self, value: Any) -> Any:
        if isinstance(value, Message):
            return say(value, self.lang)
        if isinstance(value, Percent):
            from papi_cli.render.numbers import percent_text

            return percent_text(value.value, self.lang, target=value.target)
        if isinstance(value, Number):
            from papi_cli.render.numbers import number_text

            return number_text(value.value, self.lang)
        if isinstance(value, tuple):
            return ", ".join(str(self.convert(item)) for item in value)
        return value


def say(what: Message | str, /, lang: Lang = "vi", **args: Any) -> str:
    """The text of a Message in ``lang``; ``say("status.met", lang)`` is ``say(Message("status.met"), lang)``.

    A key that is not in the catalogue, or a field its arguments do not fill, is papi's bug and
    raises ``KeyError`` (the tests render every key)."""
    message = Message(what, **args) if isinstance(what, str) else what
    texts = CATALOGUE[message.key]
    return str(_Formatter(lang).vformat(texts[1 if lang == "en" else 0], (), dict(message.args)))
