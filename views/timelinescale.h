#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace AT {

// How time runs along the axis: evenly (linear), or compressed, where empty stretches shrink to a
// marked break and busy days get the room their events need. Automatic picks compressed where the
// linear axis would hide events.
enum class AxisMode { Automatic, Linear, Compressed };

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

    double firstDay() const { return m_first; }
    double lastDay() const { return m_first + m_span; }
    double span() const { return m_span; }
    double width() const { return m_width; }
    double daysPerPixel() const { return m_span / m_width; }

    void setWidth(double width);
    // Shows [first, last] across the width, clamped to the zoom limits.
    void setRange(double firstDay, double lastDay);
    // Fits [first, last] with a margin on each side (fraction of the span).
    void fit(double firstDay, double lastDay, double margin = 0.04);

    double x(double day) const { return (day - m_first) / m_span * m_width; }
    double day(double x) const { return m_first + x / m_width * m_span; }

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
    double m_first = 0;
    double m_span = 365;
    double m_width = 800;
};

} // namespace AT
