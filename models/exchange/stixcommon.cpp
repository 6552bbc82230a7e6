#include "stixcommon.h"

#include <QRegularExpression>

namespace AT::Stix {

namespace {

// STIX Version 2.1, OASIS Standard, 10 June 2021 (https://docs.oasis-open.org/cti/stix/v2.1/os/stix-v2.1-os.html),
// Appendix A "Confidence Scales", the "... to STIX Confidence" tables of A.1 (None / Low / Med / High), A.3
// (Admiralty Credibility), A.4 (WEP, Words of Estimative Probability) and A.5 (DNI Scale, ICD 203). Checked
// against OASIS's own implementations of the appendix: cti-python-stix2 `stix2/confidence/scales.py` (its
// *_to_value functions) and cti-stix-elevator's confidence tables, which agree value for value. A.2 (0-10) is
// numbers, not words, and "6 - Truth cannot be judged" has no value in the specification: both are left out.
constexpr ConfidenceTerm StixConfidenceTable[] = {
    {QLatin1StringView("None / Low / Med / High"), QLatin1StringView("None"), 0},
    {QLatin1StringView("None / Low / Med / High"), QLatin1StringView("Low"), 15},
    {QLatin1StringView("None / Low / Med / High"), QLatin1StringView("Med"), 50},
    {QLatin1StringView("None / Low / Med / High"), QLatin1StringView("High"), 85},
    {QLatin1StringView("Admiralty Credibility"), QLatin1StringView("5 - Improbable"), 10},
    {QLatin1StringView("Admiralty Credibility"), QLatin1StringView("4 - Doubtful"), 30},
    {QLatin1StringView("Admiralty Credibility"), QLatin1StringView("3 - Possibly True"), 50},
    {QLatin1StringView("Admiralty Credibility"), QLatin1StringView("2 - Probably True"), 70},
    {QLatin1StringView("Admiralty Credibility"), QLatin1StringView("1 - Confirmed by other sources"), 90},
    {QLatin1StringView("WEP"), QLatin1StringView("Impossible"), 0},
    {QLatin1StringView("WEP"), QLatin1StringView("Highly Unlikely/Almost Certainly Not"), 10},
    {QLatin1StringView("WEP"), QLatin1StringView("Unlikely/Probably Not"), 30},
    {QLatin1StringView("WEP"), QLatin1StringView("Even Chance"), 50},
    {QLatin1StringView("WEP"), QLatin1StringView("Likely/Probable"), 70},
    {QLatin1StringView("WEP"), QLatin1StringView("Highly likely/Almost Certain"), 90},
    {QLatin1StringView("WEP"), QLatin1StringView("Certain"), 100},
    {QLatin1StringView("DNI"), QLatin1StringView("Almost No Chance / Remote"), 5},
    {QLatin1StringView("DNI"), QLatin1StringView("Very Unlikely / Highly Improbable"), 15},
    {QLatin1StringView("DNI"), QLatin1StringView("Unlikely / Improbable"), 30},
    {QLatin1StringView("DNI"), QLatin1StringView("Roughly Even Chance / Roughly Even Odds"), 50},
    {QLatin1StringView("DNI"), QLatin1StringView("Likely / Probable"), 70},
    {QLatin1StringView("DNI"), QLatin1StringView("Very Likely / Highly Probable"), 85},
    {QLatin1StringView("DNI"), QLatin1StringView("Almost Certain / Nearly Certain"), 95},
};

QString stixNormalisedWords(QStringView text)
{
    QString out = text.toString().toCaseFolded().simplified();
    out.replace(QChar(0x2019), QLatin1Char('\'')); // a curly apostrophe is the same word
    return out;
}

// The terms of an entry: "Likely / Probable" -> likely, probable; "2 - Probably True" -> the whole entry and
// "probably true".
QStringList stixEntryTerms(const ConfidenceTerm &t)
{
    QStringList terms;
    const QString entry = t.entry.toString();
    terms << stixNormalisedWords(entry);
    static const QRegularExpression numbered(QStringLiteral("^\\d+ - (.+)$"));
    const QRegularExpressionMatch m = numbered.match(entry);
    const QString words = m.hasMatch() ? m.captured(1) : entry;
    for (const QString &part : words.split(QLatin1Char('/'))) {
        terms << stixNormalisedWords(part);
    }
    terms.removeDuplicates();
    return terms;
}

// The Appendix A scale a claim's yardstick names, when it names one.
QString stixScaleOfYardstick(const QString &yardstick)
{
    const QString y = yardstick.toCaseFolded();
    if (y.contains(QLatin1StringView("icd 203")) || y.contains(QLatin1StringView("dni"))) {
        return QStringLiteral("DNI");
    }
    if (y.contains(QLatin1StringView("wep")) || y.contains(QLatin1StringView("words of estimative"))) {
        return QStringLiteral("WEP");
    }
    if (y.contains(QLatin1StringView("admiralty"))) {
        return QStringLiteral("Admiralty Credibility");
    }
    return {};
}

} // namespace

QList<ConfidenceTerm> confidenceTable()
{
    return QList<ConfidenceTerm>(std::begin(StixConfidenceTable), std::end(StixConfidenceTable));
}

std::optional<ConfidenceMatch> confidenceFromWording(const QString &wording, const QString &yardstick,
                                                     QStringList *candidates)
{
    const QString words = stixNormalisedWords(wording);
    if (words.isEmpty()) {
        return std::nullopt;
    }
    QList<ConfidenceMatch> matches;
    for (const ConfidenceTerm &t : StixConfidenceTable) {
        if (stixEntryTerms(t).contains(words)) {
            matches.append(ConfidenceMatch {t.scale.toString(), t.entry.toString(), t.value});
        }
    }
    if (candidates) {
        candidates->clear();
        for (const ConfidenceMatch &m : matches) {
            *candidates << m.scale + QStringLiteral(": ") + m.entry + QStringLiteral(" = ") + QString::number(m.value);
        }
    }
    if (matches.isEmpty()) {
        return std::nullopt;
    }
    const QString preferred = stixScaleOfYardstick(yardstick);
    if (!preferred.isEmpty()) {
        for (const ConfidenceMatch &m : matches) {
            if (m.scale == preferred) {
                return m;
            }
        }
    }
    const bool agree = std::all_of(matches.cbegin(), matches.cend(),
                                   [&](const ConfidenceMatch &m) { return m.value == matches.first().value; });
    if (!agree) {
        return std::nullopt;
    }
    ConfidenceMatch out = matches.first();
    for (qsizetype i = 1; i < matches.size(); ++i) {
        out.scale += QStringLiteral("; ") + matches[i].scale;
        out.entry += QStringLiteral("; ") + matches[i].entry;
    }
    return out;
}

QUuid caseNamespace(const Case &kase)
{
    const QUuid id = QUuid::fromString(kase.id);
    const QString name = id.isNull() ? QStringLiteral("title:") + kase.title
                                     : QStringLiteral("case:") + id.toString(QUuid::WithoutBraces);
    return QUuid::createUuidV5(Namespace, name);
}

QString objectId(const QUuid &caseNamespace, QStringView type, QStringView sort, QStringView itemId)
{
    const QString name = sort.toString() + QLatin1Char(':') + itemId.toString();
    return type.toString() + QStringLiteral("--")
        + QUuid::createUuidV5(caseNamespace, name).toString(QUuid::WithoutBraces);
}

QString timestamp(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('Z');
}

QString periodStart(const DatePoint &point)
{
    if (!point.isValid()) {
        return {};
    }
    return timestamp(QDateTime(point.firstDay(), QTime(0, 0), Qt::UTC));
}

QString periodEnd(const DatePoint &point)
{
    if (!point.isValid()) {
        return {};
    }
    return timestamp(QDateTime(point.lastDay(), QTime(23, 59, 59, 999), Qt::UTC));
}

QDateTime parseTimestamp(QStringView text)
{
    static const QRegularExpression rfc3339(
        QStringLiteral(
            "^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2})$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = rfc3339.match(text.toString());
    if (!m.hasMatch()) {
        return {};
    }
    const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
    int seconds = m.capturedView(6).toInt();
    if (seconds == 60) {
        seconds = 59; // a leap second: RFC 3339 allows it, QTime does not
    }
    QString fraction = m.captured(7);
    fraction = fraction.left(3).leftJustified(3, QLatin1Char('0'));
    const QTime time(m.capturedView(4).toInt(), m.capturedView(5).toInt(), seconds, fraction.toInt());
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    const QStringView zone = m.capturedView(8);
    if (zone.compare(QLatin1StringView("Z"), Qt::CaseInsensitive) == 0) {
        return QDateTime(date, time, Qt::UTC);
    }
    const int sign = zone.front() == QLatin1Char('-') ? -1 : 1;
    const int hours = zone.mid(1, 2).toInt();
    const int minutes = zone.mid(4, 2).toInt();
    if (hours > 23 || minutes > 59) {
        return {};
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, sign * (hours * 3600 + minutes * 60)).toUTC();
}

DatePoint datePointFromTimestamp(const QDateTime &when)
{
    const QDate d = when.toUTC().date();
    if (!d.isValid() || d.year() < 1 || d.year() > 9999) {
        return {};
    }
    if (d.day() == 1 && d.month() == 1) {
        return DatePoint::fromYear(d.year());
    }
    if (d.day() == 1) {
        return DatePoint::fromYearMonth(d.year(), d.month());
    }
    return DatePoint::fromQDate(d);
}

DatePoint datePointFromEndTimestamp(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    if (!d.isValid() || d.year() < 1 || d.year() > 9999) {
        return {};
    }
    // The last second of a day (23:59:59, any fraction): the end of a period that ends with this day.
    if (t.hour() == 23 && t.minute() == 59 && t.second() == 59) {
        if (d.month() == 12 && d.day() == 31) {
            return DatePoint::fromYear(d.year());
        }
        if (d.day() == d.daysInMonth()) {
            return DatePoint::fromYearMonth(d.year(), d.month());
        }
        return DatePoint::fromQDate(d);
    }
    return datePointFromTimestamp(utc);
}

bool isIdentifier(QStringView id, QString *type)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^([a-z][a-z0-9-]*[a-z0-9])--([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"));
    const QRegularExpressionMatch m = pattern.match(id.toString());
    if (!m.hasMatch()) {
        return false;
    }
    if (type) {
        *type = m.captured(1);
    }
    return true;
}

} // namespace AT::Stix
