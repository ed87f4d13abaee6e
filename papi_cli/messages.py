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
        "Tệp chứa byte NUL: đây không phải tệp văn bản YAML.",
        "The file contains a NUL byte: it is not a YAML text file.",
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
        "Cơ quan '{value}' không có trong danh mục cơ quan của kế hoạch.",
        "The agency '{value}' is not in the plan's registry of agencies.",
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
}


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
