"""A reminder letter in words: the facts of ``letter.Letter`` in the Decree 30 layout of a công
văn, in one language. The md, html and docx renderers show these texts and add none."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from papi_cli.remind.letter import archive_line, letter_number
from papi_cli.render.labels import date_label, in_lang
from papi_cli.report.model import Header, Signer
from papi_cli.words import Lang, say

if TYPE_CHECKING:
    from papi_cli.model.plan import Plan
    from papi_cli.remind.letter import Letter


@dataclass(frozen=True)
class LetterView:
    lang: Lang
    agency: str  # code
    agency_name: str
    period: str  # code
    period_label: str  # "quý II năm 2020"
    file_stem: str  # don-doc-<agency>-<period>
    title: str  # the file's title (html <title>, docx properties)
    header: Header
    subject: str  # "V/v đôn đốc …", under the number
    to: str  # "Kính gửi: …"
    paragraphs: tuple[str, ...]
    recipients: tuple[str, ...]
    signer: Signer
    issued_on: dt.date
    deadline: dt.date
    reply_by: dt.date
    asks_document: bool


def agency_name(plan: Plan, code: str, lang: Lang) -> str:
    """The agency as the letter names it: its English name where the plan has one, else as the
    report writes it, a unit's type word in lower case (``UBND huyện Krông Nô``)."""
    from papi_cli.report.view import agency_name as running

    agency = plan.agencies.get(code)
    return code if agency is None else in_lang(running(plan, code), agency.name_en, lang)


def quarter_label(period: str, lang: Lang) -> str:
    """``quý II năm 2020`` (``Q2 2020``): a quarter inside a sentence, as the report says it."""
    from papi_cli.periods import parse
    from papi_cli.report.view import running_period

    return say(running_period(parse(period)), lang)


def build(plan: Plan, letter: Letter, lang: Lang) -> LetterView:
    from papi_cli.report.view import date_line

    settings = plan.file.report
    name = agency_name(plan, letter.agency, lang)
    coordinator = agency_name(plan, plan.file.coordinator, lang)
    period = quarter_label(letter.period, lang)
    decision = plan.decision
    paragraphs = [
        say("remind.basis", lang, number=decision.number, date=date_label(decision.date, lang),
            issuer=decision.issuer, plan=decision.title, coordinator=coordinator, period=period,
            deadline=date_label(letter.deadline, lang)),
        say("remind.owed", lang, as_of=date_label(letter.as_of, lang), coordinator=coordinator, period=period,
            agency=name, deadline=date_label(letter.deadline, lang)),
    ]
    if letter.document_deadline is not None:
        paragraphs.append(say("remind.document", lang, agency=name,
                              deadline=date_label(letter.document_deadline, lang)))
    paragraphs += [
        say("remind.ask_document" if letter.document_deadline is not None else "remind.ask", lang,
            coordinator=coordinator, agency=name, period=period, by=date_label(letter.reply_by, lang)),
        say("remind.how", lang, file=letter.submission_file, code=letter.agency, quarter=letter.period,
            coordinator=coordinator),
        say("remind.close", lang, agency=name),
    ]
    return LetterView(
        lang=lang,
        agency=letter.agency,
        agency_name=name,
        period=letter.period,
        period_label=period,
        file_stem=letter.file_stem,
        title=say("remind.title", lang, period=period, agency=name),
        header=Header(settings.parent_body, settings.issuing_body, letter_number(settings),
                      say("report.republic", lang), say("report.motto", lang),
                      date_line(settings.place, letter.as_of, lang)),
        subject=say("remind.subject", lang, plan=decision.title),
        to=say("remind.to", lang, agency=name),
        paragraphs=tuple(paragraphs),
        recipients=(name, archive_line(settings) or say("remind.archive", lang)),
        signer=Signer(settings.signer.on_behalf, settings.signer.title, settings.signer.name),
        issued_on=letter.as_of,
        deadline=letter.deadline,
        reply_by=letter.reply_by,
        asks_document=letter.document_deadline is not None,
    )
