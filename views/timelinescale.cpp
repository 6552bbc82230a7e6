#include "timelinescale.h"

#include "partialdate.h"

#include <QDate>

#include <algorithm>
#include <array>
#include <cmath>

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
} // namespace

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
    const double span = std::clamp(lastDay - firstDay, MinSpanDays, MaxSpanDays);
    const double centre = (firstDay + lastDay) / 2;
    m_first = centre - span / 2;
    m_span = span;
}

void TimelineScale::fit(double firstDay, double lastDay, double margin)
{
    const double span = std::max(lastDay - firstDay, MinSpanDays);
    setRange(firstDay - span * margin, lastDay + span * margin);
}

void TimelineScale::zoomAround(double x, double factor)
{
    if (factor <= 0) {
        return;
    }
    const double anchor = day(x);
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
    for (TickUnit unit : finestFirst) {
        if (minimumInterval(unit) / daysPerPixel() >= minSpacing(unit)) {
            return unit;
        }
    }
    return TickUnit::Century;
}

QList<TimelineScale::Tick> TimelineScale::ticks(const std::function<double(TickUnit)> &minSpacing) const
{
    const TickUnit unit = tickUnit(minSpacing);
    // At the farthest zoom even centuries may be too dense: thin them by a whole step.
    int stride = 1;
    if (unit == TickUnit::Century) {
        while (minimumInterval(unit) * stride / daysPerPixel() < minSpacing(unit) && stride < 1000) {
            stride *= 2;
        }
    }
    QList<Tick> out;
    const QDate first = QDate::fromJulianDay(static_cast<qint64>(std::floor(firstDay())));
    const QDate last = QDate::fromJulianDay(static_cast<qint64>(std::ceil(lastDay())));
    if (!first.isValid() || !last.isValid()) {
        return out;
    }
    QDate d;
    switch (unit) {
    case TickUnit::Century:
    case TickUnit::Decade: {
        const int step = (unit == TickUnit::Century ? 100 : 10) * stride;
        int y = first.year() - ((first.year() % step) + step) % step;
        d = QDate(y, 1, 1);
        break;
    }
    case TickUnit::Year:
        d = QDate(first.year(), 1, 1);
        break;
    case TickUnit::Quarter:
        d = QDate(first.year(), ((first.month() - 1) / 3) * 3 + 1, 1);
        break;
    case TickUnit::Month:
        d = QDate(first.year(), first.month(), 1);
        break;
    case TickUnit::Day:
        d = first;
        break;
    }
    for (; d.isValid() && d <= last;) {
        const double jd = static_cast<double>(d.toJulianDay());
        if (jd >= firstDay()) {
            QString label;
            switch (unit) {
            case TickUnit::Century:
            case TickUnit::Decade:
                label = QString::number(d.year()) + QLatin1Char('s');
                break;
            case TickUnit::Year:
                label = QString::number(d.year());
                break;
            case TickUnit::Quarter:
                label = QStringLiteral("Q%1 %2").arg((d.month() - 1) / 3 + 1).arg(d.year());
                break;
            case TickUnit::Month:
                label = monthAbbreviation(d.month()) + QLatin1Char(' ') + QString::number(d.year());
                break;
            case TickUnit::Day:
                label = QString::number(d.day()) + QLatin1Char(' ') + monthAbbreviation(d.month());
                break;
            }
            out.append(Tick {jd, label});
        }
        switch (unit) {
        case TickUnit::Century:
            d = d.addYears(100 * stride);
            break;
        case TickUnit::Decade:
            d = d.addYears(10);
            break;
        case TickUnit::Year:
            d = d.addYears(1);
            break;
        case TickUnit::Quarter:
            d = d.addMonths(3);
            break;
        case TickUnit::Month:
            d = d.addMonths(1);
            break;
        case TickUnit::Day:
            d = d.addDays(1);
            break;
        }
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
        return QStringLiteral("28 May");
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
