#pragma once

#include "timelineitem.h"
#include "timelinescale.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>

namespace AT {

// The timeline's events grouped into lanes: none (one lane of everything), by actor (an event in
// the lane of each participant) or by category. One pass over every row, so it is built when the
// rows or the lane options change and reused by every layout after that.
class TimelineLanes
{
public:
    enum class Grouping { None, Actor, Category };
    struct Lane
    {
        QString key; // actor id or category; empty without grouping
        QString label;
        QList<int> items; // row numbers, chronological
        QList<double> blockLast; // the latest day of each block of BlockSize items, for range maxima
        QList<int> longItems; // the items longer than ShortSpanDays, chronological
    };

    static constexpr qsizetype BlockSize = 64;
    static constexpr double ShortSpanDays = 64;

    TimelineLanes() = default;
    // Busiest lanes first, except that the keys in `order` come first, in that order.
    TimelineLanes(const TimelineRows &rows, Grouping grouping, const QStringList &order = {});

    Grouping grouping() const { return m_grouping; }
    bool grouped() const { return m_grouping != Grouping::None; }
    const QList<Lane> &lanes() const { return m_lanes; }
    QStringList keys() const;
    double maxSpanDays() const { return m_maxSpanDays; } // the longest event, in days
    double lastDay() const { return m_lastDay; } // the latest day of any event
    // The latest day of the lane's items [from, to), found through the block maxima.
    double latestIn(const TimelineRows &rows, const Lane &lane, qsizetype from, qsizetype to) const;

private:
    Grouping m_grouping = Grouping::None;
    QList<Lane> m_lanes;
    double m_maxSpanDays = 0;
    double m_lastDay = 0;
};

// Where everything on the timeline goes for one frame, as a value computed from data: which
// events are drawn where (markers and bars in rows, labels beside them that never overlap), which
// are counted into "+N" clusters instead, where the lane headers sit, and what lies under a point.
// Needs no widget; TimelineView builds one per change of rows, window, size or lanes and paints it.
// Only what can reach into the visible window is looked at, found by binary search; beyond
// DensityThreshold events in a lane's view it counts them per column instead of placing them.
class TimelineLayout
{
public:
    static constexpr double MarkerSize = 10;
    static constexpr double BarHeight = 10;
    static constexpr double OpenFade = 60; // pixels an open end fades over
    static constexpr double LabelGap = 12;
    static constexpr double MaxLabelWidth = 280; // room reserved for a label; it may run on where free
    static constexpr double MinLabelWidth = 40; // a label cut shorter than this is not drawn
    static constexpr double ClusterBucket = 56; // pixels: events that do not fit are counted per bucket
    static constexpr int RowsPerLane = 2;
    static constexpr double LaneGap = 6;
    static constexpr double Top = 8; // space above the first lane
    static constexpr qsizetype DensityThreshold = 3000; // events in a lane's view above which it shows counts

    // Everything a layout depends on.
    struct Input
    {
        TimelineRows rows;
        const TimelineLanes *lanes = nullptr; // read while the layout is built, not kept
        QSet<QString> hiddenLanes;
        TimelineScale scale; // the visible window; the layout sets its width to the plot's
        QSizeF size; // the whole view
        double lineHeight = 16; // the font's integer line height: rows and axis
        double textHeight = 16; // the font's exact height: labels and cluster badges
        double headerWidth = 0; // the lane header column, when grouped
        double scrollBarWidth = 0; // taken from the plot when the lanes need to scroll
        double scrollOffset = 0; // vertical scroll position, in pixels
        // An item's whole label width in pixels; called only for items placed.
        std::function<double(int item)> labelWidth;
    };
    // The frame around the events, known before any is placed.
    struct Geometry
    {
        double plotLeft = 0;
        double plotWidth = 1;
        double axisTop = 0;
        double axisHeight = 0;
        double rowHeight = 0;
        double laneHeight = 0;
        double available = 0; // height for lanes above the axis
        int rowsPerLane = 1;
        bool scrolls = false; // lanes overflow: a vertical scroll bar takes its width from the plot
        int scrollRange = 0;
        int pageStep = 0;
        int singleStep = 0;
    };
    struct Placed
    {
        int item; // row number in Input::rows
        int lane; // index into TimelineLanes::lanes()
        QRectF shape; // marker or bar
        QRectF label; // empty when the label does not fit
    };
    struct Cluster
    {
        QRectF rect;
        int count;
        double firstDay;
        double lastDay;
        double density = 0; // 0..1 in density mode: how full this column is relative to the busiest
        QList<int> items = {}; // the rows it holds, chronological; empty in density mode (counted only)
    };
    struct LaneHeader
    {
        QRectF rect;
        QString key;
        QString label;
    };

    TimelineLayout() = default;
    explicit TimelineLayout(const Input &input);
    static Geometry geometry(const Input &input);

    const Geometry &geometry() const { return m_geometry; }
    QSizeF size() const { return m_size; }
    // The input's scale with the plot's width: x() is relative to plotLeft.
    const TimelineScale &scale() const { return m_scale; }
    double toX(double day) const { return m_geometry.plotLeft + m_scale.x(day); }

    // Placed events, lane by lane, each lane's in chronological order.
    const QList<Placed> &placed() const { return m_placed; }
    // Clusters, top to bottom and left to right; they never overlap each other or a label.
    const QList<Cluster> &clusters() const { return m_clusters; }
    const QList<LaneHeader> &laneHeaders() const { return m_laneHeaders; }
    bool densityMode() const { return m_densityMode; }
    int clusteredCount() const;
    QList<QRectF> labelRects() const;
    QList<QRectF> clusterRects() const;

    // The placed event under pos (its index in placed()), the latest placed where several are, or
    // -1; the axis and the lane headers hide what lies under them. Binary search by row, then by x.
    qsizetype hitTest(QPointF pos) const;
    // The cluster under pos (index in clusters()), or -1.
    qsizetype clusterAt(QPointF pos) const;
    // The key of the lane at height y, or empty.
    QString laneAt(double y) const;
    // Where an item is placed (indices into placed(); one per lane it is drawn in).
    QList<qsizetype> placedOf(int item) const;
    // All that painting a placed event may touch, highlighted or not: ring, badge, bold label.
    QRectF paintRect(qsizetype placed) const;

private:
    struct HitRow
    {
        double top; // vertical extent of anything hit in the row
        double bottom;
        qsizetype begin; // range in m_rowOrder
        qsizetype end;
    };
    void placeLane(const Input &input, const TimelineLanes::Lane &lane, int laneIndex, double laneTop);
    void countLane(const Input &input, const TimelineLanes::Lane &lane, qsizetype begin, qsizetype end, double laneTop);
    void extendLabels(qsizetype firstPlaced, const QList<double> &fullWidth, double laneTop);
    void indexRows(qsizetype firstPlaced, double laneTop);
    bool hits(const Placed &pl, QPointF pos) const;

    Geometry m_geometry;
    QSizeF m_size;
    TimelineScale m_scale;
    double m_textHeight = 16;
    QList<Placed> m_placed;
    QList<Cluster> m_clusters;
    QList<LaneHeader> m_laneHeaders;
    bool m_densityMode = false;
    // Hit-test index: the placed events of each row, left to right (rows never overlap in x).
    QList<HitRow> m_rows;
    QList<qsizetype> m_rowOrder; // indices into m_placed
    QList<double> m_hitLeft; // per m_rowOrder entry: the left of its hit area
    QList<double> m_hitRightMax; // per m_rowOrder entry: the rightmost hit area so far in its row
    QList<std::pair<qsizetype, qsizetype>> m_lanePlaced; // per laid-out lane: its range in m_placed
};

} // namespace AT
