#include "timelinescale.h"

#include "partialdate.h"

#include <QDate>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace AT {

namespace {
// The shortest interval between two ticks of a unit, in days: what decides whether labels can overlap.
double minimumInterval(TimelineScale::TickUnit unit)
{
    switch (unit) {
    case TimelineScale::TickUnit::Century:
        return 36524;
    case TimelineScale::TickUnit::Decade:
        return 3652;
    case TimelineScale::TickUnit::Year:
        return 365;
    case TimelineScale::TickUnit::Quarter:
        return 90;
    case TimelineScale::TickUnit::Month:
        return 28;
    case TimelineScale::TickUnit::Day:
        return 1;
    }
    return 1;
}

constexpr std::array<TimelineScale::TickUnit, 6> finestFirst = {
    TimelineScale::TickUnit::Day,  TimelineScale::TickUnit::Month,  TimelineScale::TickUnit::Quarter,
    TimelineScale::TickUnit::Year, TimelineScale::TickUnit::Decade, TimelineScale::TickUnit::Century,
};

// The ticks of a unit (every `stride`-th for centuries) from fromDay to toDay.
QList<TimelineScale::Tick> ticksOf(TimelineScale::TickUnit unit, int stride, double fromDay, double toDay)
{
    QList<TimelineScale::Tick> out;
    const QDate first = QDate::fromJulianDay(static_cast<qint64>(std::floor(fromDay)));
    const QDate last = QDate::fromJulianDay(static_cast<qint64>(std::ceil(toDay)));
    if (!first.isValid() || !last.isValid()) {
        return out;
    }
    QDate d;
    switch (unit) {
    case TimelineScale::TickUnit::Century:
    case TimelineScale::TickUnit::Decade: {
        const int step = (unit == TimelineScale::TickUnit::Century ? 100 : 10) * stride;
        int y = first.year() - ((first.year() % step) + step) % step;
        d = QDate(y, 1, 1);
        break;
    }
    case TimelineScale::TickUnit::Year:
        d = QDate(first.year(), 1, 1);
        break;
    case TimelineScale::TickUnit::Quarter:
        d = QDate(first.year(), ((first.month() - 1) / 3) * 3 + 1, 1);
        break;
    case TimelineScale::TickUnit::Month:
        d = QDate(first.year(), first.month(), 1);
        break;
    case TimelineScale::TickUnit::Day:
        d = first;
        break;
    }
    for (; d.isValid() && d <= last;) {
        const double jd = static_cast<double>(d.toJulianDay());
        if (jd >= fromDay) {
            QString label;
            switch (unit) {
            case TimelineScale::TickUnit::Century:
            case TimelineScale::TickUnit::Decade:
                label = QString::number(d.year()) + QLatin1Char('s');
                break;
            case TimelineScale::TickUnit::Year:
                label = QString::number(d.year());
                break;
            case TimelineScale::TickUnit::Quarter:
                label = QStringLiteral("Q%1 %2").arg((d.month() - 1) / 3 + 1).arg(d.year());
                break;
            case TimelineScale::TickUnit::Month:
                label = monthAbbreviation(d.month()) + QLatin1Char(' ') + QString::number(d.year());
                break;
            case TimelineScale::TickUnit::Day:
                // With its year: "18 Apr" beside other days could be any April.
                label = QString::number(d.day()) + QLatin1Char(' ') + monthAbbreviation(d.month()) + QLatin1Char(' ')
                    + QString::number(d.year());
                break;
            }
            out.append(TimelineScale::Tick {jd, label});
        }
        switch (unit) {
        case TimelineScale::TickUnit::Century:
            d = d.addYears(100 * stride);
            break;
        case TimelineScale::TickUnit::Decade:
            d = d.addYears(10);
            break;
        case TimelineScale::TickUnit::Year:
            d = d.addYears(1);
            break;
        case TimelineScale::TickUnit::Quarter:
            d = d.addMonths(3);
            break;
        case TimelineScale::TickUnit::Month:
            d = d.addMonths(1);
            break;
        case TimelineScale::TickUnit::Day:
            d = d.addDays(1);
            break;
        }
    }
    return out;
}

} // namespace

TimelineWarp::TimelineWarp(qsizetype count, const std::function<std::pair<double, double>(qsizetype)> &item)
{
    // Pass 1: the distinct days on which events begin, how many begin on each, and the typical
    // spacing between them (the median gap).
    struct Day
    {
        double day;
        qsizetype count; // events of that day alone
        double coveredTo; // the latest end (exclusive) of the short events begun by this day
    };
    QList<Day> days;
    double lastEnd = -std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i < count; ++i) {
        const auto [first, last] = item(i);
        const double d = std::floor(first);
        if (days.isEmpty() || days.last().day != d) {
            days.append(Day {d, 0, d + 1});
        }
        if (std::floor(last) == d) {
            ++days.last().count; // a day's own events; a month or a year begun that day takes no room in it
        }
        lastEnd = std::max(lastEnd, std::floor(last) + 1);
    }
    if (days.isEmpty()) {
        return;
    }
    QList<double> gaps;
    gaps.reserve(days.size());
    for (qsizetype k = 1; k < days.size(); ++k) {
        gaps.append(days[k].day - days[k - 1].day);
    }
    if (!gaps.isEmpty()) {
        const auto mid = gaps.begin() + gaps.size() / 2;
        std::nth_element(gaps.begin(), mid, gaps.end());
        m_spacing = std::max(1.0, *mid);
    }
    const double breakAt = std::max(BreakFactor * m_spacing, MinBreakDays);
    // Pass 2: how far the events begun by each day reach. Events longer than a break are left
    // out, or one long campaign would leave no break anywhere; they are drawn across breaks.
    {
        qsizetype k = 0;
        double covered = -std::numeric_limits<double>::infinity();
        for (qsizetype i = 0; i < count; ++i) {
            const auto [first, last] = item(i);
            const double d = std::floor(first);
            while (days[k].day != d) {
                days[k].coveredTo = std::max(days[k].coveredTo, covered);
                ++k;
            }
            if (last - first + 1 <= breakAt) {
                covered = std::max(covered, std::floor(last) + 1);
            }
        }
        for (; k < days.size(); ++k) {
            days[k].coveredTo = std::max(days[k].coveredTo, covered);
        }
    }
    // The segments: each day (wide when busy), then time at one u per day up to the next day, or
    // up to where the events end and then a break.
    struct Piece
    {
        double toDay;
        double length; // in u; breaks get theirs below
        bool isBreak;
    };
    QList<Piece> pieces;
    double unbroken = 0;
    auto add = [&](double toDay, double length, bool isBreak) {
        pieces.append(Piece {toDay, length, isBreak});
        unbroken += isBreak ? 0 : length;
    };
    for (qsizetype k = 0; k < days.size(); ++k) {
        const double d = days[k].day;
        add(d + 1, days[k].count > 1 ? double(days[k].count) * SlotSpacings * m_spacing : 1.0, false);
        const double next = k + 1 < days.size() ? days[k + 1].day : std::max(lastEnd, d + 1);
        const double emptyFrom = std::clamp(days[k].coveredTo, d + 1, next);
        if (next - emptyFrom > breakAt) {
            if (emptyFrom > d + 1) {
                add(emptyFrom, emptyFrom - (d + 1), false);
            }
            add(next, 0, true);
            m_breaks.append(Break {emptyFrom, next});
        } else if (next > d + 1) {
            add(next, next - (d + 1), false);
        }
    }
    const double breakLength = std::max(2 * m_spacing, BreakShare * unbroken);
    m_days.reserve(pieces.size() + 1);
    m_us.reserve(pieces.size() + 1);
    m_days.append(days.first().day);
    m_us.append(0);
    for (const Piece &p : std::as_const(pieces)) {
        m_days.append(p.toDay);
        m_us.append(m_us.last() + (p.isBreak ? breakLength : p.length));
    }
}

double TimelineWarp::u(double day) const
{
    if (m_days.size() < 2) {
        return day;
    }
    if (day <= m_days.first()) {
        return m_us.first() + (day - m_days.first());
    }
    if (day >= m_days.last()) {
        return m_us.last() + (day - m_days.last());
    }
    const qsizetype k = std::upper_bound(m_days.cbegin(), m_days.cend(), day) - m_days.cbegin(); // 1..size-1
    const double t = (day - m_days[k - 1]) / (m_days[k] - m_days[k - 1]);
    return m_us[k - 1] + t * (m_us[k] - m_us[k - 1]);
}

double TimelineWarp::day(double u) const
{
    if (m_us.size() < 2) {
        return u;
    }
    if (u <= m_us.first()) {
        return m_days.first() + (u - m_us.first());
    }
    if (u >= m_us.last()) {
        return m_days.last() + (u - m_us.last());
    }
    const qsizetype k = std::upper_bound(m_us.cbegin(), m_us.cend(), u) - m_us.cbegin();
    const double t = (u - m_us[k - 1]) / (m_us[k] - m_us[k - 1]);
    return m_days[k - 1] + t * (m_days[k] - m_days[k - 1]);
}

bool TimelineWarp::inBreak(double day) const
{
    const auto b = std::partition_point(m_breaks.cbegin(), m_breaks.cend(),
                                        [day](const Break &br) { return br.lastDay <= day; });
    return b != m_breaks.cend() && b->firstDay < day && day < b->lastDay;
}

QList<double> TimelineWarp::wideDays() const
{
    QList<double> out;
    for (qsizetype k = 0; k + 1 < m_days.size(); ++k) {
        if (m_days[k + 1] - m_days[k] == 1 && m_us[k + 1] - m_us[k] > 1) {
            out.append(m_days[k]);
        }
    }
    return out;
}

TimelineScale::TimelineScale(double firstDay, double lastDay, double width)
{
    setWidth(width);
    setRange(firstDay, lastDay);
}

void TimelineScale::setWidth(double width)
{
    m_width = std::max(1.0, width);
}

void TimelineScale::setRange(double firstDay, double lastDay)
{
    if (m_warp) {
        setWarpedRange(m_warp->u(firstDay), m_warp->u(lastDay));
    } else {
        setWarpedRange(firstDay, lastDay);
    }
}

void TimelineScale::setWarpedRange(double first, double last)
{
    const double span = std::clamp(last - first, MinSpanDays, MaxSpanDays);
    const double centre = (first + last) / 2;
    m_first = centre - span / 2;
    m_span = span;
}

void TimelineScale::fit(double firstDay, double lastDay, double margin)
{
    // The margin is a share of the axis as drawn: of the warped span on a compressed axis.
    const double first = m_warp ? m_warp->u(firstDay) : firstDay;
    const double last = m_warp ? m_warp->u(lastDay) : lastDay;
    const double span = std::max(last - first, MinSpanDays);
    setWarpedRange(first - span * margin, last + span * margin);
}

void TimelineScale::setWarp(std::shared_ptr<const TimelineWarp> warp)
{
    const double first = firstDay();
    const double last = lastDay();
    m_warp = std::move(warp);
    setRange(first, last);
}

void TimelineScale::stretchTo(double width)
{
    const double w = std::max(1.0, width);
    const double span = std::clamp(m_span * w / m_width, MinSpanDays, MaxSpanDays);
    m_span = span;
    m_width = w;
}

void TimelineScale::zoomAround(double x, double factor)
{
    if (factor <= 0) {
        return;
    }
    const double anchor = m_first + x / m_width * m_span; // in warped days on a compressed axis
    const double span = std::clamp(m_span / factor, MinSpanDays, MaxSpanDays);
    m_first = anchor - x / m_width * span;
    m_span = span;
}

void TimelineScale::pan(double dx)
{
    m_first += dx * daysPerPixel();
}

TimelineScale::TickUnit TimelineScale::tickUnit(const std::function<double(TickUnit)> &minSpacing) const
{
    // On a compressed axis: the unit of the average density, where warpedTicks() begins.
    const double dpp = m_warp ? std::max(span(), 1e-9) / m_width : daysPerPixel();
    for (TickUnit unit : finestFirst) {
        if (minimumInterval(unit) / dpp >= minSpacing(unit)) {
            return unit;
        }
    }
    return TickUnit::Century;
}

QList<TimelineScale::Tick> TimelineScale::ticks(const std::function<double(TickUnit)> &minSpacing) const
{
    if (m_warp) {
        return warpedTicks(minSpacing);
    }
    const TickUnit unit = tickUnit(minSpacing);
    // At the farthest zoom even centuries may be too dense: thin them by a whole step.
    int stride = 1;
    if (unit == TickUnit::Century) {
        while (minimumInterval(unit) * stride / daysPerPixel() < minSpacing(unit) && stride < 1000) {
            stride *= 2;
        }
    }
    return ticksOf(unit, stride, firstDay(), lastDay());
}

QList<TimelineScale::Tick> TimelineScale::warpedTicks(const std::function<double(TickUnit)> &minSpacing) const
{
    // Days per pixel vary along a compressed axis: the unit that fits the average density first,
    // then finer units wherever their labels fit between those already placed. Every tick stands at
    // its date's x; none inside a break.
    struct Placed
    {
        double x;
        double reach; // where the next label may begin
        Tick tick;
    };
    QList<Placed> placed;
    const double from = firstDay();
    const double to = lastDay();
    const double averageDpp = std::max(to - from, 1e-9) / m_width;
    qsizetype start = 0;
    while (start + 1 < qsizetype(finestFirst.size())
           && minimumInterval(finestFirst[start]) / averageDpp < minSpacing(finestFirst[start])) {
        ++start;
    }
    const double daySpacing = minSpacing(TickUnit::Day);
    // First the busy days widened for their events, each named at its start: otherwise a year's
    // tick just before one can take its place and half the axis would seem to be that whole year.
    for (double d : m_warp->wideDays()) {
        if (d < from || d > to || x(d + 1) - x(d) < daySpacing) {
            continue;
        }
        const double tx = x(d);
        if (!placed.isEmpty() && placed.last().reach > tx) {
            continue;
        }
        const QList<Tick> day = ticksOf(TickUnit::Day, 1, d, d);
        if (!day.isEmpty()) {
            placed.append(Placed {tx, tx + daySpacing, day.first()});
        }
    }
    for (qsizetype u = start; u >= 0; --u) {
        const TickUnit unit = finestFirst[u];
        if ((to - from) / minimumInterval(unit) > 5000) {
            break; // finer units only when zoomed in further
        }
        const double spacing = minSpacing(unit);
        // The ticks heading the widest stretches first: on a busy day widened to half the axis,
        // its own date, not the day before squeezed against it.
        QList<std::pair<double, Tick>> candidates;
        for (const Tick &t : ticksOf(unit, 1, from, to)) {
            candidates.append({x(t.day + minimumInterval(unit)) - x(t.day), t});
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
        for (const auto &[room, t] : std::as_const(candidates)) {
            if (m_warp->inBreak(t.day)) {
                continue;
            }
            const double tx = x(t.day);
            const auto next
                = std::partition_point(placed.begin(), placed.end(), [tx](const Placed &p) { return p.x < tx; });
            if (next != placed.end() && (next->x == tx || tx + spacing > next->x)) {
                continue;
            }
            if (next != placed.begin() && std::prev(next)->reach > tx) {
                continue;
            }
            placed.insert(next, Placed {tx, tx + spacing, t});
        }
    }
    QList<Tick> out;
    out.reserve(placed.size());
    for (const Placed &p : std::as_const(placed)) {
        out.append(p.tick);
    }
    return out;
}

QString TimelineScale::widestLabel(TickUnit unit)
{
    switch (unit) {
    case TickUnit::Century:
    case TickUnit::Decade:
        return QStringLiteral("2000s");
    case TickUnit::Year:
        return QStringLiteral("2000");
    case TickUnit::Quarter:
        return QStringLiteral("Q4 2000");
    case TickUnit::Month:
        return QStringLiteral("May 2000");
    case TickUnit::Day:
        return QStringLiteral("28 May 2000");
    }
    return {};
}

QString TimelineScale::unitName(TickUnit unit)
{
    switch (unit) {
    case TickUnit::Century:
        return QStringLiteral("century");
    case TickUnit::Decade:
        return QStringLiteral("decade");
    case TickUnit::Year:
        return QStringLiteral("year");
    case TickUnit::Quarter:
        return QStringLiteral("quarter");
    case TickUnit::Month:
        return QStringLiteral("month");
    case TickUnit::Day:
        return QStringLiteral("day");
    }
    return {};
}

} // namespace AT
