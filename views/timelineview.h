#pragma once

#include "timelinescale.h"

#include <QPointer>
#include <QWidget>

class QAbstractItemModel;

namespace AT {

class SelectionState;

// The timeline: a zoomable time axis with events as markers (exact days) and bars (ranges and
// imprecise dates, faded where the date is coarse or open). Reads the event model through roles only.
class TimelineView final : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    void setSelectionState(SelectionState *state);

    const TimelineScale &scale() const { return m_scale; }
    TimelineScale::TickUnit currentTickUnit() const;
    // The ticks currently drawn, for tests: each with its label rectangle.
    QList<QPair<TimelineScale::Tick, QRectF>> visibleTicks() const;

    void fitAll();
    void zoomIn();
    void zoomOut();
    void zoomToSelection();

    // Where an event's marker or bar is drawn, in widget coordinates (empty when not shown).
    QRectF eventRect(qsizetype eventIndex) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // Enter or double-click on the current event: open its first citation.
    void eventActivated(qsizetype eventIndex);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Item
    {
        qsizetype event; // index into Case::events
        double first; // Julian days, inclusive
        double last;
        int precision;
        bool range;
        bool openStart;
        bool openEnd;
        bool approximate;
        bool disputed;
        QString title;
        QString date;
        QString actors;
        int sources;
        QString category;
    };
    struct Placed
    {
        int item;
        QRectF shape;
        QRectF label; // empty when the label does not fit
        int row;
    };

    void reload();
    void layoutItems() const;
    int hitTest(QPointF pos) const;
    void selectItem(int item);
    int currentItem() const;
    double axisHeight() const;
    double rowHeight() const;

    QPointer<QAbstractItemModel> m_model;
    QPointer<SelectionState> m_selection;
    TimelineScale m_scale;
    QList<Item> m_items; // chronological, as the model gives them
    mutable QList<Placed> m_placed;
    mutable bool m_layoutDirty = true;
    mutable int m_hiddenCount = 0;
    QPointF m_dragStart;
    bool m_dragging = false;
    double m_dragDistance = 0;
};

} // namespace AT
