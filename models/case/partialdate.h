#pragma once

#include "citation.h"

#include <QDate>
#include <QList>
#include <QString>

#include <compare>
#include <optional>

namespace AT {

// One calendar point known to year, month or day precision ("2018", "2024-03", "2024-03-25").
class DatePoint
{
public:
    enum class Precision : quint8 { Invalid, Year, Month, Day };

    DatePoint() = default;
    static DatePoint fromYear(int year);
    static DatePoint fromYearMonth(int year, int month);
    static DatePoint fromDate(int year, int month, int day);
    static DatePoint fromQDate(QDate date) { return fromDate(date.year(), date.month(), date.day()); }

    // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (years 1..9999); returns nullopt and sets *error otherwise.
    static std::optional<DatePoint> fromIsoString(QStringView text, QString *error = nullptr);
    QString toIsoString() const;

    bool isValid() const { return m_precision != Precision::Invalid; }
    Precision precision() const { return m_precision; }
    int year() const { return m_year; }
    int month() const { return m_month; }
    int day() const { return m_day; }

    // The first and last day the point may denote: "2024-03" covers 1 to 31 March.
    QDate firstDay() const;
    QDate lastDay() const;

    // "2018", "Mar 2024", "25 Mar 2024" (English month abbreviations, locale independent).
    QString toDisplayString() const;

    friend bool operator==(const DatePoint &, const DatePoint &) = default;

private:
    qint16 m_year = 0;
    quint8 m_month = 0;
    quint8 m_day = 0;
    Precision m_precision = Precision::Invalid;
};

QString monthAbbreviation(int month);
QString precisionName(DatePoint::Precision precision);

// How a date was established: stated as such in the source, or resolved from a relative expression
// ("yesterday (25 March)", "last month", "on Tuesday") against a reference date.
struct DateProvenance
{
    enum class Kind : quint8 { Stated, Relative, Inferred };
    Kind kind = Kind::Stated;
    QString expression; // the source's own words, verbatim
    DatePoint reference; // the date the expression was resolved against
    QString referenceNote; // where the reference date comes from
    QList<Citation> citations; // the passages that establish the reference date

    bool isStated() const { return kind == Kind::Stated && expression.isEmpty() && !reference.isValid(); }
    friend bool operator==(const DateProvenance &, const DateProvenance &) = default;
};

QString provenanceKindName(DateProvenance::Kind kind);
std::optional<DateProvenance::Kind> provenanceKindFromName(QStringView name);

// A date as the sources give it: a point or a range whose ends each have their own precision;
// either end may be unknown (open), and the whole date or only one end of a range may be approximate
// ("about"): "c. 2010 – 25 Mar 2024" is a range known exactly at its end only.
class PartialDate
{
public:
    // Which part is approximate: none, the whole date (a point, or both ends of a range), or one end.
    enum class Approximate : quint8 { No, Whole, Start, End };

    PartialDate() = default;
    explicit PartialDate(DatePoint point)
        : m_start(point)
    { }
    static PartialDate range(DatePoint start, DatePoint end);
    static PartialDate openStart(DatePoint end); // "until end", start unknown
    static PartialDate openEnd(DatePoint start); // "since start", end unknown

    bool isValid() const;
    bool isRange() const { return m_end.isValid() || m_openStart || m_openEnd; }
    bool isOpenStart() const { return m_openStart; }
    bool isOpenEnd() const { return m_openEnd; }
    DatePoint start() const { return m_start; }
    DatePoint end() const { return m_end; }

    // As set: Approximate::Whole for a point or both ends. A point is never approximate at one end only
    // (Start on a point means Whole); an end that is not known is never shown approximate.
    Approximate approximate() const { return m_approximate; }
    void setApproximate(Approximate approximate);
    // The whole date approximate (true) or exact (false).
    void setApproximate(bool whole) { setApproximate(whole ? Approximate::Whole : Approximate::No); }
    // The known start (or a point) is approximate.
    bool isStartApproximate() const;
    // The known end of a range is approximate.
    bool isEndApproximate() const;
    // Any known part is approximate: for marks that fade or dash the whole date.
    bool isApproximate() const { return isStartApproximate() || isEndApproximate(); }
    // In words: "approximate" (the whole date, or both ends), "approximate start", "approximate end", or empty.
    QString approximation() const;
    QString qualifier() const { return m_qualifier; }
    void setQualifier(const QString &qualifier) { m_qualifier = qualifier; }
    const DateProvenance &provenance() const { return m_provenance; }
    void setProvenance(const DateProvenance &provenance) { m_provenance = provenance; }
    QList<Citation> &provenanceCitations() { return m_provenance.citations; }
    const QList<Citation> &provenanceCitations() const { return m_provenance.citations; }

    // The finest precision of the known ends (Invalid when neither is known).
    DatePoint::Precision precision() const;

    // Earliest and latest day the date may denote, as Julian days; open ends give the known end's bound.
    qint64 earliestJulianDay() const;
    qint64 latestJulianDay() const;

    // Inclusive overlap of the days both may denote; open ends extend without bound.
    bool overlaps(const PartialDate &other) const;

    // Chronological order for lists: by earliest day, coarser before finer at the same day,
    // then points before ranges, then by latest day.
    std::weak_ordering chronologicalOrder(const PartialDate &other) const;
    bool isBefore(const PartialDate &other) const { return chronologicalOrder(other) < 0; }

    // "25 Mar 2024", "2021–22", "2010 – Mar 2024", "c. 2010", "… – Mar 2024"; "c." stands before each
    // approximate end only: "c. 2010 – 25 Mar 2024".
    QString toDisplayString() const;
    // Display plus precision and provenance in words, for tooltips and the --check report.
    QString describe() const;

    friend bool operator==(const PartialDate &, const PartialDate &) = default;

private:
    DatePoint m_start;
    DatePoint m_end;
    bool m_openStart = false;
    bool m_openEnd = false;
    Approximate m_approximate = Approximate::No;
    QString m_qualifier;
    DateProvenance m_provenance;
};

} // namespace AT
