#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace AT {

// How time runs along the axis: evenly (linear), or compressed, where empty stretches shrink to a
// marked break and busy days get the room their events need. Automatic picks compressed where the
// linear axis would hide events.
enum class AxisMode { Automatic, Linear, Compressed };

// The compressed axis: a monotone piecewise-linear map from Julian days to "warped days" (u), built
// from the events' days in one pass. Between event days time runs at one u per day; an empty
// stretch much longer than the case's typical spacing (the median gap between event days) shrinks
// to a fixed-width break; a day holding N events gets N typical spacings, so its events, spread
// across the day in rank order, each have room for a label. Lookups are binary searches over the
// segments; outside the events' days time runs at one u per day.
class TimelineWarp
{
public:
    struct Break
    {
        double firstDay; // the empty stretch [firstDay, lastDay), in Julian days
        double lastDay;
    };
    static constexpr double BreakFactor = 8; // a gap this many typical spacings long is a break
    static constexpr double MinBreakDays = 60; // and at least this long
    static constexpr double SlotSpacings = 1; // a busy day's room per event, in typical spacings
    static constexpr double BreakShare = 0.025; // a break's width: this share of the unbroken axis

    TimelineWarp() = default;
    // `count` items in time order (by first day); `item(i)` gives item i's first and last day
    // (inclusive, Julian days). O(count).
    TimelineWarp(qsizetype count, const std::function<std::pair<double, double>(qsizetype)> &item);

    double u(double day) const;
    double day(double u) const;
    const QList<Break> &breaks() const { return m_breaks; }
    // Whether the day lies strictly inside a break.
    bool inBreak(double day) const;
    // The busy days widened to make room for their events (Julian day numbers), in order.
    QList<double> wideDays() const;
    double typicalSpacing() const { return m_spacing; }
    // The breakpoints (day, u), strictly increasing in both.
    const QList<double> &days() const { return m_days; }
    const QList<double> &us() const { return m_us; }

private:
    QList<double> m_days;
    QList<double> m_us;
    QList<Break> m_breaks;
    double m_spacing = 1;
};

// Timeline maths as a value type: maps Julian days to pixels and back, zooms and pans, and picks
// ticks that fit. Needs no window, so it is tested on its own.
class TimelineScale
{
public:
    enum class TickUnit { Century, Decade, Year, Quarter, Month, Day };
    struct Tick
    {
        double day; // Julian day at which the tick stands
        QString label;
        friend bool operator==(const Tick &, const Tick &) = default;
    };

    static constexpr double MinSpanDays = 3.0; // closest zoom: three days across
    static constexpr double MaxSpanDays = 366.0 * 2000; // farthest: two millennia

    TimelineScale() = default;
    TimelineScale(double firstDay, double lastDay, double width);

    // The visible window in Julian days; with a warp, its ends mapped back through it.
    double firstDay() const { return m_warp ? m_warp->day(m_first) : m_first; }
    double lastDay() const { return m_warp ? m_warp->day(m_first + m_span) : m_first + m_span; }
    double span() const { return m_warp ? lastDay() - firstDay() : m_span; }
    double width() const { return m_width; }
    // Days per pixel on the linear axis; warped days per pixel on a compressed one.
    double daysPerPixel() const { return m_span / m_width; }

    // A compressed axis runs on the warp; without one it is linear. Keeps the visible days.
    void setWarp(std::shared_ptr<const TimelineWarp> warp);
    const TimelineWarp *warp() const { return m_warp.get(); }
    bool compressed() const { return m_warp != nullptr; }
    // Changes the width keeping the pixels per (warped) day: more or less time comes into view.
    void stretchTo(double width);

    void setWidth(double width);
    // Shows [first, last] across the width, clamped to the zoom limits.
    void setRange(double firstDay, double lastDay);
    // Fits [first, last] with a margin on each side (fraction of the span).
    void fit(double firstDay, double lastDay, double margin = 0.04);

    double x(double day) const { return ((m_warp ? m_warp->u(day) : day) - m_first) / m_span * m_width; }
    double day(double x) const
    {
        const double u = m_first + x / m_width * m_span;
        return m_warp ? m_warp->day(u) : u;
    }

    // factor > 1 zooms in; the day under x stays under x.
    void zoomAround(double x, double factor);
    // Moves the view by dx pixels (positive: later dates come into view).
    void pan(double dx);

    // The finest unit whose ticks are at least `minSpacing(unit)` pixels apart everywhere.
    TickUnit tickUnit(const std::function<double(TickUnit)> &minSpacing) const;
    QList<Tick> ticks(const std::function<double(TickUnit)> &minSpacing) const;
    // The longest label the unit can produce, to measure for minSpacing.
    static QString widestLabel(TickUnit unit);
    static QString unitName(TickUnit unit);

private:
    void setWarpedRange(double first, double last);
    QList<Tick> warpedTicks(const std::function<double(TickUnit)> &minSpacing) const;

    std::shared_ptr<const TimelineWarp> m_warp;
    double m_first = 0; // in warped days when there is a warp

    double m_span = 365;
    double m_width = 800;
};

} // namespace AT
