#pragma once

#include "timelineitem.h"
#include "timelinescale.h"

#include <QColor>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QAbstractItemModel;
class QFontMetricsF;
class QScrollBar;

namespace AT {

class SelectionState;

// The timeline: a zoomable time axis with events as markers (exact days) and bars (ranges and
// imprecise dates, faded where the date is coarse, fading out where an end is open). Events can
// sit in lanes by actor (an event in every lane of its participants) or by category; lanes can be
// reordered and hidden. Where events do not fit, they collapse into counted clusters that split as
// you zoom in. Reads all of the event model's rows at once (TimelineRowsRole) and lays out and
// paints only the visible range; beyond a few thousand events in view it draws counts per column,
// found by binary search, so a frame costs the same at a thousand events as at a million.
class TimelineView final : public QWidget
{
    Q_OBJECT
public:
    enum class LaneMode { None, Actor, Category };
    Q_ENUM(LaneMode)

    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    void setSelectionState(SelectionState *state);

    const TimelineScale &scale() const { return m_scale; }
    TimelineScale::TickUnit currentTickUnit() const;
    // The ticks currently drawn, each with its label rectangle in widget coordinates.
    QList<QPair<TimelineScale::Tick, QRectF>> visibleTicks() const;

    LaneMode laneMode() const { return m_laneMode; }
    void setLaneMode(LaneMode mode);
    // Lane keys (actor ids or categories) in display order, and the hidden ones.
    QStringList lanes() const;
    QStringList laneOrder() const { return m_laneOrder; }
    void setLaneOrder(const QStringList &order);
    QSet<QString> hiddenLanes() const { return m_hiddenLanes; }
    void setHiddenLanes(const QSet<QString> &hidden);
    void moveLane(const QString &key, int delta);
    void setLaneHidden(const QString &key, bool hidden);

    void fitAll();
    // Shows [firstDay, lastDay] (Julian days) across the plot.
    void showRange(double firstDay, double lastDay);
    void zoomIn();
    void zoomOut();
    void zoomToSelection();

    // Where an event's marker or bar is drawn, in widget coordinates (empty when not shown);
    // with lanes, its first visible occurrence.
    QRectF eventRect(qsizetype eventIndex) const;
    // Labels drawn, for tests: none may overlap another.
    QList<QRectF> labelRects() const;
    // Events folded into clusters because they did not fit, and where the cluster badges sit.
    int clusteredCount() const;
    QList<QRectF> clusterRects() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // Enter or double-click on the current event: open its first citation.
    void eventActivated(qsizetype eventIndex);
    void laneOptionsChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool event(QEvent *event) override;

private:
    using Item = TimelineItem;
    struct Lane
    {
        QString key;
        QString label;
        QList<int> items; // chronological
        QList<double> blockLast; // the latest day of each block of BlockSize items, for range maxima
        QList<int> longItems; // the items longer than ShortSpanDays, chronological
    };
    struct Placed
    {
        int item;
        QRectF shape;
        QRectF label; // empty when the label does not fit
    };
    struct Cluster
    {
        QRectF rect;
        int count;
        double firstDay;
        double lastDay;
        double density = 0; // 0..1 in density mode: how full this column is relative to the busiest
    };

    void reload();
    void rebuildLanes();
    void invalidateLayout();
    void layoutItems() const;
    int hitTest(QPointF pos) const;
    int clusterAt(QPointF pos) const;
    QString laneAt(QPointF pos) const;
    void selectItem(int item);
    int currentItem() const;
    double axisHeight() const;
    double rowHeight() const;
    double headerWidth() const;
    double plotLeft() const { return headerWidth(); }
    double plotWidth() const;
    double toX(double day) const { return plotLeft() + m_scale.x(day); }
    float labelWidth(int item, const QFontMetricsF &fm) const;
    double latestIn(const Lane &lane, qsizetype from, qsizetype to) const;
    void layoutDensity(const Lane &lane, qsizetype begin, qsizetype end, double laneTop, double areaHeight,
                       double stripHeight) const;
    QList<Lane> visibleLanes() const;

    QPointer<QAbstractItemModel> m_model;
    QPointer<SelectionState> m_selection;
    TimelineScale m_scale;
    TimelineRows m_rows; // the model's rows, in time order, shared
    mutable QHash<int, float> m_labelWidth; // per item shown with a label, measured on first need
    QList<QColor> m_categoryColors; // per category number
    LaneMode m_laneMode = LaneMode::None;
    QList<Lane> m_lanes; // in display order, hidden ones included
    QStringList m_laneOrder;
    QSet<QString> m_hiddenLanes;
    QScrollBar *m_vscroll;
    mutable QList<Placed> m_placed;
    mutable QList<Cluster> m_clusters;
    mutable QList<QPair<QRectF, QString>> m_laneHeaders;
    mutable bool m_layoutDirty = true;
    mutable bool m_densityMode = false; // too many events in view to place one by one
    double m_maxSpanDays = 0; // the longest event, to find what reaches into the view
    double m_lastDay = 0; // the latest day of any event
    QPointF m_dragStart;
    bool m_dragging = false;
    bool m_autoFit = true; // showing everything: a resize refits instead of revealing empty time
    double m_dragDistance = 0;
};

} // namespace AT
