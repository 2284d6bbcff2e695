"""Numbers and dates in each language's form (DESIGN section 11)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from readiness import i18n, locale_format


def test_english_keeps_the_forms_it_always_had():
    assert locale_format.decimal(47.5, language="en") == "47.5"
    assert locale_format.percent(99.9, language="en") == "99.9\u00a0%"
    assert locale_format.share(0.474, language="en") == "47%"
    assert locale_format.day(date(2026, 3, 5), language="en") == "2026-03-05"
    moment = datetime(2026, 3, 5, 9, 7, tzinfo=UTC)
    assert locale_format.moment(moment, language="en") == "2026-03-05 09:07 UTC"


def test_french_uses_the_decimal_comma_grouping_and_day_month_year():
    assert locale_format.decimal(47.5, language="fr") == "47,5"
    assert locale_format.decimal(1234.5, language="fr") == "1\u202f234,5"
    assert locale_format.decimal(0.0, language="fr") == "0,0"
    assert locale_format.integer(12345, language="fr") == "12\u202f345"
    assert locale_format.percent(99.9, language="fr") == "99,9\u00a0%"
    assert locale_format.share(0.474, language="fr") == "47\u00a0%"
    assert locale_format.day(date(2026, 3, 5), language="fr") == "05/03/2026"
    paris = timezone(timedelta(hours=1))
    moment = datetime(2026, 3, 5, 9, 7, tzinfo=paris)
    assert locale_format.moment(moment, language="fr") == "05/03/2026 09:07 +01:00"


def test_the_language_in_use_is_the_default():
    i18n.set_language("fr")
    assert locale_format.decimal(2.25, 2) == "2,25"
    i18n.set_language("en")
    assert locale_format.decimal(2.25, 2) == "2.25"
