#pragma once

#include "timelineitem.h"
#include "timelinelayout.h"
#include "timelinepainter.h"
#include "timelinescale.h"

#include <QColor>
#include <QHash>
#include <QMenu>
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
// you zoom in. Reads all of the event model's rows at once (TimelineRowsRole); where things go is
// a TimelineLayout, rebuilt when the rows, the window, the size or the lanes change, and this
// widget paints it and handles input. The visible window is SelectionState's, when one is set, so
// other views and the exporter see what the timeline shows. A selection or hover change repaints
// only the events it affects.
class TimelineView final : public QWidget
{
    Q_OBJECT
public:
    enum class LaneMode { None, Actor, Category }; // as TimelineLanes::Grouping
    Q_ENUM(LaneMode)

    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    // The current event and actor, and the visible window, are read from and written to `state`.
    void setSelectionState(SelectionState *state);

    const TimelineScale &scale() const { return m_scale; }
    // Where everything is drawn now (laid out on demand).
    const TimelineLayout &layout() const;
    TimelineScale::TickUnit currentTickUnit() const;
    // The ticks currently drawn, each with its label rectangle in widget coordinates.
    QList<QPair<TimelineScale::Tick, QRectF>> visibleTicks() const;

    LaneMode laneMode() const { return m_laneMode; }
    void setLaneMode(LaneMode mode);
    // Lane keys (actor ids or categories) in display order, and the hidden ones.
    QStringList lanes() const { return m_lanes.keys(); }
    QStringList laneOrder() const { return m_laneOrder; }
    void setLaneOrder(const QStringList &order);
    QSet<QString> hiddenLanes() const { return m_hiddenLanes; }
    void setHiddenLanes(const QSet<QString> &hidden);
    void moveLane(const QString &key, int delta);
    void setLaneHidden(const QString &key, bool hidden);

    // Linear, compressed (empty stretches shrink to breaks, busy days widen), or automatic: the
    // compressed axis where the linear one, showing everything, would fold events into clusters.
    void setAxisMode(AxisMode mode);
    // What the empty timeline says (why it is empty and how events come); the window sets it.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    AxisMode axisMode() const { return m_axisMode; }
    bool usesCompressedAxis() const { return m_scale.compressed(); }

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
    QList<QRectF> labelRects() const { return layout().labelRects(); }
    // Events folded into clusters because they did not fit, and where the cluster badges sit.
    int clusteredCount() const { return layout().clusteredCount(); }
    QList<QRectF> clusterRects() const { return layout().clusterRects(); }
    // The list a click on a cluster badge opens (date and title of each event it holds), while open.
    QMenu *clusterMenu() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // Enter or double-click on the current event: open its first citation.
    void eventActivated(qsizetype eventIndex);
    void laneOptionsChanged();
    void axisModeChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void reload();
    // Picks the linear or compressed axis for the mode; keeps the visible days.
    void updateAxis();
    bool linearWouldCluster() const;
    std::shared_ptr<const TimelineWarp> warp();
    void openClusterList(qsizetype cluster, QPoint globalPos);
    // Selects the item and brings it into view, zooming in until it is drawn on its own.
    void reveal(int item);
    void rebuildLanes();
    // Everything moves: lay out again and repaint all.
    void invalidateLayout();
    // This view changed m_scale: lay out again and tell the selection state.
    void windowMoved();
    void applyWindow(double start, double end);
    TimelineLayout::Input layoutInput() const;
    double plotLeft() const;
    double plotWidth() const;
    double toX(double day) const { return plotLeft() + m_scale.x(day); }
    double labelWidth(int item, const QFontMetricsF &fm) const;
    void measureLaneHeaders();
    // The item under pos, and the cluster when there is no item.
    int itemAt(QPointF pos) const;
    qsizetype clusterAt(QPointF pos) const;
    int itemOf(qsizetype event) const;
    int currentItem() const;
    void selectItem(int item);
    void onCurrentEventChanged(qsizetype event);
    // Partial repaints: only where an item or cluster is drawn.
    void updateItem(int item);
    void updateCluster(qsizetype cluster);
    void setHover(int item, qsizetype cluster);

    QPointer<QAbstractItemModel> m_model;
    QPointer<SelectionState> m_selection;
    QString m_emptyText = QStringLiteral("No events to show.\nTo make one, select a passage in the source reader, "
                                         "then Case > New Event from Selection (Ctrl+Alt+E).");
    // The visible window (mirrors the selection state's); its width follows the layout's plot.
    mutable TimelineScale m_scale;
    TimelineRows m_rows; // the model's rows, in time order, shared
    TimelineLanes m_lanes; // in display order, hidden ones included
    mutable QHash<int, float> m_labelWidth; // per item shown with a label, measured on first need
    TimelinePainter::ElidedLabels m_elidedLabels; // labels as painted, kept between frames
    QList<QColor> m_categoryColors; // per category number
    LaneMode m_laneMode = LaneMode::None;
    AxisMode m_axisMode = AxisMode::Automatic;
    std::shared_ptr<const TimelineWarp> m_warp; // built from the rows on first need
    QPointer<QMenu> m_clusterMenu;
    QStringList m_laneOrder;
    QSet<QString> m_hiddenLanes;
    double m_headerWidth = 0; // the lane header column, from the lane labels and the font
    QScrollBar *m_vscroll;
    mutable TimelineLayout m_layout;
    mutable bool m_layoutDirty = true;
    qsizetype m_shownCurrent = -1; // the event last drawn as current
    int m_hoverItem = -1;
    qsizetype m_hoverCluster = -1;
    QPointF m_dragStart;
    bool m_dragging = false;
    bool m_autoFit = true; // showing everything: a resize refits instead of revealing empty time
    double m_dragDistance = 0;
};

} // namespace AT
