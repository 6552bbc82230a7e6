#include "partialdate.h"

#include <array>
#include <limits>

namespace AT {

namespace {
bool parseDigits(QStringView text, int digits, int *value)
{
    if (text.size() != digits) {
        return false;
    }
    int v = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9') {
            return false;
        }
        v = v * 10 + (c.unicode() - u'0');
    }
    *value = v;
    return true;
}
} // namespace

DatePoint DatePoint::fromYear(int year)
{
    DatePoint p;
    if (year >= 1 && year <= 9999) {
        p.m_year = static_cast<qint16>(year);
        p.m_precision = Precision::Year;
    }
    return p;
}

DatePoint DatePoint::fromYearMonth(int year, int month)
{
    DatePoint p = fromYear(year);
    if (p.isValid() && month >= 1 && month <= 12) {
        p.m_month = static_cast<quint8>(month);
        p.m_precision = Precision::Month;
        return p;
    }
    return {};
}

DatePoint DatePoint::fromDate(int year, int month, int day)
{
    DatePoint p = fromYearMonth(year, month);
    if (p.isValid() && QDate::isValid(year, month, day)) {
        p.m_day = static_cast<quint8>(day);
        p.m_precision = Precision::Day;
        return p;
    }
    return {};
}

std::optional<DatePoint> DatePoint::fromIsoString(QStringView text, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<DatePoint> {
        if (error) {
            *error = message;
        }
        return std::nullopt;
    };
    int year = 0;
    int month = 0;
    int day = 0;
    const auto expected = QStringLiteral("expected YYYY, YYYY-MM or YYYY-MM-DD, got \"%1\"").arg(text.toString());
    if (text.size() != 4 && text.size() != 7 && text.size() != 10) {
        return fail(expected);
    }
    if (!parseDigits(text.first(4), 4, &year)) {
        return fail(expected);
    }
    if (year < 1) {
        return fail(QStringLiteral("year %1 is out of range (1 to 9999)").arg(year));
    }
    if (text.size() == 4) {
        return fromYear(year);
    }
    if (text[4] != u'-' || !parseDigits(text.sliced(5, 2), 2, &month)) {
        return fail(expected);
    }
    if (month < 1 || month > 12) {
        return fail(QStringLiteral("month %1 does not exist in \"%2\"").arg(month).arg(text.toString()));
    }
    if (text.size() == 7) {
        return fromYearMonth(year, month);
    }
    if (text[7] != u'-' || !parseDigits(text.sliced(8, 2), 2, &day)) {
        return fail(expected);
    }
    if (!QDate::isValid(year, month, day)) {
        return fail(QStringLiteral("the date \"%1\" does not exist").arg(text.toString()));
    }
    return fromDate(year, month, day);
}

QString DatePoint::toIsoString() const
{
    switch (m_precision) {
    case Precision::Invalid:
        return {};
    case Precision::Year:
        return QStringLiteral("%1").arg(m_year, 4, 10, QLatin1Char('0'));
    case Precision::Month:
        return QStringLiteral("%1-%2").arg(m_year, 4, 10, QLatin1Char('0')).arg(m_month, 2, 10, QLatin1Char('0'));
    case Precision::Day:
        return QStringLiteral("%1-%2-%3")
            .arg(m_year, 4, 10, QLatin1Char('0'))
            .arg(m_month, 2, 10, QLatin1Char('0'))
            .arg(m_day, 2, 10, QLatin1Char('0'));
    }
    return {};
}

QDate DatePoint::firstDay() const
{
    switch (m_precision) {
    case Precision::Invalid:
        return {};
    case Precision::Year:
        return QDate(m_year, 1, 1);
    case Precision::Month:
        return QDate(m_year, m_month, 1);
    case Precision::Day:
        return QDate(m_year, m_month, m_day);
    }
    return {};
}

QDate DatePoint::lastDay() const
{
    switch (m_precision) {
    case Precision::Invalid:
        return {};
    case Precision::Year:
        return QDate(m_year, 12, 31);
    case Precision::Month: {
        const QDate first(m_year, m_month, 1);
        return QDate(m_year, m_month, first.daysInMonth());
    }
    case Precision::Day:
        return QDate(m_year, m_month, m_day);
    }
    return {};
}

QString monthAbbreviation(int month)
{
    static const std::array<const char16_t *, 12> names
        = {u"Jan", u"Feb", u"Mar", u"Apr", u"May", u"Jun", u"Jul", u"Aug", u"Sep", u"Oct", u"Nov", u"Dec"};
    if (month < 1 || month > 12) {
        return {};
    }
    return QString::fromUtf16(names[static_cast<size_t>(month - 1)]);
}

QString precisionName(DatePoint::Precision precision)
{
    switch (precision) {
    case DatePoint::Precision::Invalid:
        return QStringLiteral("unknown");
    case DatePoint::Precision::Year:
        return QStringLiteral("year");
    case DatePoint::Precision::Month:
        return QStringLiteral("month");
    case DatePoint::Precision::Day:
        return QStringLiteral("day");
    }
    return {};
}

QString DatePoint::toDisplayString() const
{
    switch (m_precision) {
    case Precision::Invalid:
        return QStringLiteral("?");
    case Precision::Year:
        return QString::number(m_year);
    case Precision::Month:
        return monthAbbreviation(m_month) + QLatin1Char(' ') + QString::number(m_year);
    case Precision::Day:
        return QString::number(m_day) + QLatin1Char(' ') + monthAbbreviation(m_month) + QLatin1Char(' ')
            + QString::number(m_year);
    }
    return {};
}

QString provenanceKindName(DateProvenance::Kind kind)
{
    switch (kind) {
    case DateProvenance::Kind::Stated:
        return QStringLiteral("stated");
    case DateProvenance::Kind::Relative:
        return QStringLiteral("relative");
    case DateProvenance::Kind::Inferred:
        return QStringLiteral("inferred");
    }
    return {};
}

std::optional<DateProvenance::Kind> provenanceKindFromName(QStringView name)
{
    for (auto kind : {DateProvenance::Kind::Stated, DateProvenance::Kind::Relative, DateProvenance::Kind::Inferred}) {
        if (name == provenanceKindName(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

PartialDate PartialDate::range(DatePoint start, DatePoint end)
{
    PartialDate d(start);
    d.m_end = end;
    return d;
}

PartialDate PartialDate::openStart(DatePoint end)
{
    PartialDate d;
    d.m_end = end;
    d.m_openStart = true;
    return d;
}

PartialDate PartialDate::openEnd(DatePoint start)
{
    PartialDate d(start);
    d.m_openEnd = true;
    return d;
}

void PartialDate::setApproximate(Approximate approximate)
{
    // A point has one part: approximate at its start is approximate as a whole.
    if (!isRange() && approximate == Approximate::Start) {
        approximate = Approximate::Whole;
    }
    m_approximate = approximate;
}

bool PartialDate::isStartApproximate() const
{
    return m_start.isValid() && (m_approximate == Approximate::Whole || m_approximate == Approximate::Start);
}

bool PartialDate::isEndApproximate() const
{
    return m_end.isValid() && (m_approximate == Approximate::Whole || m_approximate == Approximate::End);
}

QString PartialDate::approximation() const
{
    const bool start = isStartApproximate();
    const bool end = isEndApproximate();
    if (!isRange()) {
        return start ? QStringLiteral("approximate") : QString();
    }
    if (start && end) {
        return QStringLiteral("approximate");
    }
    if (start) {
        return QStringLiteral("approximate start");
    }
    return end ? QStringLiteral("approximate end") : QString();
}

bool PartialDate::isValid() const
{
    if (m_openStart && m_openEnd) {
        return false;
    }
    if (m_openStart) {
        return !m_start.isValid() && m_end.isValid();
    }
    if (m_openEnd) {
        return m_start.isValid() && !m_end.isValid();
    }
    if (!m_start.isValid()) {
        return false;
    }
    return !m_end.isValid() || m_start.firstDay() <= m_end.lastDay();
}

DatePoint::Precision PartialDate::precision() const
{
    return std::max(m_start.precision(), m_end.precision());
}

qint64 PartialDate::earliestJulianDay() const
{
    if (m_start.isValid()) {
        return m_start.firstDay().toJulianDay();
    }
    return m_end.isValid() ? m_end.firstDay().toJulianDay() : 0;
}

qint64 PartialDate::latestJulianDay() const
{
    if (m_end.isValid()) {
        return m_end.lastDay().toJulianDay();
    }
    return m_start.isValid() ? m_start.lastDay().toJulianDay() : 0;
}

bool PartialDate::overlaps(const PartialDate &other) const
{
    constexpr qint64 lowest = std::numeric_limits<qint64>::min();
    constexpr qint64 highest = std::numeric_limits<qint64>::max();
    const qint64 aFrom = m_openStart ? lowest : earliestJulianDay();
    const qint64 aTo = m_openEnd ? highest : latestJulianDay();
    const qint64 bFrom = other.m_openStart ? lowest : other.earliestJulianDay();
    const qint64 bTo = other.m_openEnd ? highest : other.latestJulianDay();
    return aFrom <= bTo && bFrom <= aTo;
}

std::weak_ordering PartialDate::chronologicalOrder(const PartialDate &other) const
{
    if (auto c = earliestJulianDay() <=> other.earliestJulianDay(); c != 0) {
        return c;
    }
    // At the same first day a coarser date ("2024") comes before a finer one ("1 Jan 2024").
    const auto ownPrecision = m_start.isValid() ? m_start.precision() : m_end.precision();
    const auto otherPrecision = other.m_start.isValid() ? other.m_start.precision() : other.m_end.precision();
    if (auto c = static_cast<int>(ownPrecision) <=> static_cast<int>(otherPrecision); c != 0) {
        return c;
    }
    if (auto c = static_cast<int>(isRange()) <=> static_cast<int>(other.isRange()); c != 0) {
        return c;
    }
    return latestJulianDay() <=> other.latestJulianDay();
}

QString PartialDate::toDisplayString() const
{
    if (!isValid()) {
        return QStringLiteral("unknown date");
    }
    static const QString about = QStringLiteral("c. ");
    if (!isRange()) {
        return (isStartApproximate() ? about : QString()) + m_start.toDisplayString();
    }
    static const QString ellipsis = QStringLiteral("\u2026");
    const bool startAbout = isStartApproximate();
    const bool endAbout = isEndApproximate();
    if (!m_openStart && !m_openEnd && startAbout == endAbout) {
        // The compact forms ("2021–22", "Jan–Mar 2024") read as one date, so they carry one "c." for
        // both ends; a range approximate at one end only is written out end by end.
        const QString prefix = startAbout ? about : QString();
        const QString from = m_start.toDisplayString();
        const QString to = m_end.toDisplayString();
        using P = DatePoint::Precision;
        if (m_start.precision() == P::Year && m_end.precision() == P::Year) {
            if (m_start.year() == m_end.year()) {
                return prefix + from;
            }
            // "2021–22" where both years share a century, as newspapers write it.
            if (m_start.year() / 100 == m_end.year() / 100) {
                return prefix + from + QChar(0x2013)
                    + QStringLiteral("%1").arg(m_end.year() % 100, 2, 10, QLatin1Char('0'));
            }
            return prefix + from + QChar(0x2013) + to;
        }
        if (m_start.precision() == P::Month && m_end.precision() == P::Month && m_start.year() == m_end.year()) {
            if (m_start.month() == m_end.month()) {
                return prefix + from;
            }
            return prefix + monthAbbreviation(m_start.month()) + QChar(0x2013) + to;
        }
    }
    const QString from = m_openStart ? ellipsis : (startAbout ? about : QString()) + m_start.toDisplayString();
    const QString to = m_openEnd ? ellipsis : (endAbout ? about : QString()) + m_end.toDisplayString();
    return from + QStringLiteral(" \u2013 ") + to;
}

QString PartialDate::describe() const
{
    QString text = toDisplayString();
    QStringList details;
    if (isRange()) {
        details << QStringLiteral("range, from %1 to %2 precision")
                       .arg(precisionName(m_start.precision()), precisionName(m_end.precision()));
    } else {
        details << QStringLiteral("%1 precision").arg(precisionName(m_start.precision()));
    }
    if (const QString approximate = approximation(); !approximate.isEmpty()) {
        details << approximate;
    }
    if (!m_qualifier.isEmpty()) {
        details << QStringLiteral("\u201c%1\u201d").arg(m_qualifier);
    }
    if (m_provenance.kind != DateProvenance::Kind::Stated || !m_provenance.expression.isEmpty()) {
        QString how = provenanceKindName(m_provenance.kind);
        if (!m_provenance.expression.isEmpty()) {
            how += QStringLiteral(" from \u201c%1\u201d").arg(m_provenance.expression);
        }
        if (m_provenance.reference.isValid()) {
            how += QStringLiteral(" against %1").arg(m_provenance.reference.toDisplayString());
        }
        if (!m_provenance.referenceNote.isEmpty()) {
            how += QStringLiteral(" (%1)").arg(m_provenance.referenceNote);
        }
        details << how;
    } else {
        details << QStringLiteral("stated in the source");
    }
    return text + QStringLiteral(" (") + details.join(QStringLiteral("; ")) + QLatin1Char(')');
}

} // namespace AT
