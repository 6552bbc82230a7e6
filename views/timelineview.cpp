#include "timelineview.h"

#include "categorycolor.h"
#include "plaintext.h"
#include "plural.h"
#include "roles.h"
#include "selectionstate.h"
#include "timelinepainter.h"

#include <QAbstractItemModel>
#include <QAccessible>
#include <QContextMenuEvent>
#include <QDate>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace AT {

namespace {
using Layout = TimelineLayout;

TimelineLanes::Grouping groupingOf(TimelineView::LaneMode mode)
{
    switch (mode) {
    case TimelineView::LaneMode::Actor:
        return TimelineLanes::Grouping::Actor;
    case TimelineView::LaneMode::Category:
        return TimelineLanes::Grouping::Category;
    case TimelineView::LaneMode::None:
        break;
    }
    return TimelineLanes::Grouping::None;
}
} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_vscroll(new QScrollBar(Qt::Vertical, this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(QStringLiteral("Timeline"));
    setAccessibleDescription(QStringLiteral("Events of the case along a time axis. Arrow keys move between events, "
                                            "Enter opens the first citation, plus and minus zoom."));
    m_vscroll->hide();
    connect(m_vscroll, &QScrollBar::valueChanged, this, [this] { invalidateLayout(); });
    m_scale.fit(static_cast<double>(QDate(2018, 1, 1).toJulianDay()),
                static_cast<double>(QDate(2024, 12, 31).toJulianDay()));
}

QSize TimelineView::sizeHint() const
{
    return {900, 320};
}

QSize TimelineView::minimumSizeHint() const
{
    return {300, 140};
}

void TimelineView::setModel(QAbstractItemModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &TimelineView::reload);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &TimelineView::reload);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TimelineView::reload);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &TimelineView::reload);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, &TimelineView::reload);
    }
    reload();
    fitAll();
}

void TimelineView::setSelectionState(SelectionState *state)
{
    if (m_selection) {
        disconnect(m_selection, nullptr, this, nullptr);
    }
    m_selection = state;
    if (m_selection) {
        connect(m_selection, &SelectionState::currentEventChanged, this, &TimelineView::onCurrentEventChanged);
        connect(m_selection, &SelectionState::currentActorChanged, this, qOverload<>(&QWidget::update));
        connect(m_selection, &SelectionState::windowChanged, this, &TimelineView::applyWindow);
        m_shownCurrent = m_selection->currentEvent();
        if (m_selection->windowEnd() > m_selection->windowStart()) {
            applyWindow(m_selection->windowStart(), m_selection->windowEnd());
        } else {
            windowMoved(); // the state has no window yet: this view's is it
        }
    }
    update();
}

void TimelineView::onCurrentEventChanged(qsizetype event)
{
    const int item = itemOf(event);
    const QRectF r = eventRect(event);
    if (item >= 0 && (r.isEmpty() || r.right() < plotLeft() || r.left() > width())) {
        // Bring the selected event into view, keeping the zoom.
        const double centre = (m_rows[item].first + m_rows[item].last) / 2;
        m_scale.pan(m_scale.x(centre) - plotWidth() / 2.0);
        m_autoFit = false;
        windowMoved();
    } else {
        // Only the old and the new current event change pixels.
        updateItem(itemOf(m_shownCurrent));
        updateItem(item);
    }
    m_shownCurrent = event;
    if (QAccessible::isActive()) {
        QAccessibleEvent ev(this, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&ev);
    }
}

void TimelineView::reload()
{
    m_rows = m_model ? m_model->data(QModelIndex(), TimelineRowsRole).value<TimelineRows>() : TimelineRows();
    m_labelWidth.clear();
    m_elidedLabels.clear(); // item numbers change with the rows
    m_categoryColors.clear();
    QStringList categories;
    for (int c = 0; c < m_rows.categoryCount(); ++c) {
        categories << m_rows.categoryName(c);
    }
    const CategoryColors colors(categories);
    for (const QString &category : categories) {
        m_categoryColors.append(colors.color(category));
    }
    rebuildLanes();
}

double TimelineView::labelWidth(int item, const QFontMetricsF &fm) const
{
    auto it = m_labelWidth.constFind(item);
    if (it == m_labelWidth.constEnd()) {
        it = m_labelWidth.insert(
            item,
            static_cast<float>(fm.horizontalAdvance(m_rows.title(m_rows[item])) + 2)); // the whole title
    }
    return *it;
}

void TimelineView::rebuildLanes()
{
    m_lanes = TimelineLanes(m_rows, groupingOf(m_laneMode), m_laneOrder);
    measureLaneHeaders();
    m_warp.reset(); // the rows changed, or what clusters did
    if (m_scale.compressed()) {
        m_scale.setWarp(nullptr);
        updateAxis();
    } else if (m_axisMode == AxisMode::Automatic) {
        updateAxis();
    }
    invalidateLayout();
}

std::shared_ptr<const TimelineWarp> TimelineView::warp()
{
    if (!m_warp) {
        const TimelineRows &rows = m_rows;
        m_warp = std::make_shared<const TimelineWarp>(
            rows.count(), [&rows](qsizetype i) { return std::pair<double, double>(rows[i].first, rows[i].last); });
    }
    return m_warp;
}

bool TimelineView::linearWouldCluster() const
{
    // A million events are counted per column on either axis: the linear one is cheaper.
    if (m_rows.count() == 0 || m_rows.count() > Layout::DensityThreshold) {
        return false;
    }
    Layout::Input in = layoutInput();
    in.scale.setWarp(nullptr);
    in.scale.setWidth(Layout::geometry(in).plotWidth);
    in.scale.fit(m_rows[0].first, m_lanes.lastDay() + 1, 0.03);
    return Layout(in).clusteredCount() > 0;
}

void TimelineView::updateAxis()
{
    const bool compressed = m_axisMode == AxisMode::Compressed
        || (m_axisMode == AxisMode::Automatic && m_rows.count() > 0 && linearWouldCluster());
    if (compressed != m_scale.compressed()) {
        m_scale.setWidth(plotWidth());
        m_scale.setWarp(compressed ? warp() : nullptr);
        invalidateLayout();
    }
}

void TimelineView::setAxisMode(AxisMode mode)
{
    if (mode == m_axisMode) {
        return;
    }
    m_axisMode = mode;
    const bool wasCompressed = m_scale.compressed();
    updateAxis();
    if (m_autoFit || wasCompressed != m_scale.compressed()) {
        fitAll(); // a new axis opens on the whole case
    }
    Q_EMIT axisModeChanged();
}

void TimelineView::measureLaneHeaders()
{
    const QFontMetricsF fm(font());
    double widest = 60;
    for (const TimelineLanes::Lane &l : m_lanes.lanes()) {
        widest = std::max(widest, fm.horizontalAdvance(l.label));
    }
    m_headerWidth = std::min(widest + 16, 200.0);
}

void TimelineView::invalidateLayout()
{
    m_layoutDirty = true;
    // What was under the pointer has moved; the next mouse move finds it again.
    m_hoverItem = -1;
    m_hoverCluster = -1;
    update();
}

void TimelineView::windowMoved()
{
    invalidateLayout();
    if (m_selection) {
        m_selection->setWindow(m_scale.firstDay(), m_scale.lastDay());
    }
}

void TimelineView::applyWindow(double start, double end)
{
    if (end <= start || (start == m_scale.firstDay() && end == m_scale.lastDay())) {
        return; // none, or the one this view set
    }
    m_scale.setRange(start, end);
    m_autoFit = false;
    windowMoved(); // hands back the window as clamped to the zoom limits
}

void TimelineView::setLaneMode(LaneMode mode)
{
    if (mode == m_laneMode) {
        return;
    }
    m_laneMode = mode;
    m_vscroll->setValue(0);
    rebuildLanes();
    Q_EMIT laneOptionsChanged();
}

void TimelineView::setLaneOrder(const QStringList &order)
{
    m_laneOrder = order;
    rebuildLanes();
}

void TimelineView::setHiddenLanes(const QSet<QString> &hidden)
{
    m_hiddenLanes = hidden;
    invalidateLayout();
}

void TimelineView::moveLane(const QString &key, int delta)
{
    QStringList order = lanes();
    const qsizetype from = order.indexOf(key);
    const qsizetype to = from + delta;
    if (from < 0 || to < 0 || to >= order.size()) {
        return;
    }
    order.move(from, to);
    m_laneOrder = order;
    rebuildLanes();
    Q_EMIT laneOptionsChanged();
}

void TimelineView::setLaneHidden(const QString &key, bool hidden)
{
    if (hidden) {
        m_hiddenLanes.insert(key);
    } else {
        m_hiddenLanes.remove(key);
    }
    invalidateLayout();
    Q_EMIT laneOptionsChanged();
}

TimelineLayout::Input TimelineView::layoutInput() const
{
    Layout::Input in;
    in.rows = m_rows;
    in.lanes = &m_lanes;
    in.hiddenLanes = m_hiddenLanes;
    in.scale = m_scale;
    in.size = size();
    in.lineHeight = fontMetrics().height();
    in.textHeight = QFontMetricsF(font()).height();
    in.headerWidth = m_headerWidth;
    in.scrollBarWidth = m_vscroll->sizeHint().width();
    in.scrollOffset = m_vscroll->value();
    in.labelWidth = [this, fm = QFontMetricsF(font())](int item) { return labelWidth(item, fm); };
    return in;
}

const TimelineLayout &TimelineView::layout() const
{
    if (!m_layoutDirty) {
        return m_layout;
    }
    m_layoutDirty = false;
    m_layout = TimelineLayout(layoutInput());
    m_scale.setWidth(m_layout.geometry().plotWidth);
    // Setting the range may move the scroll bar, which lays out again on the next use.
    const Layout::Geometry &g = m_layout.geometry();
    m_vscroll->setVisible(g.scrolls);
    m_vscroll->setGeometry(width() - m_vscroll->sizeHint().width(), 0, m_vscroll->sizeHint().width(),
                           static_cast<int>(g.axisTop));
    m_vscroll->setRange(0, g.scrollRange);
    m_vscroll->setPageStep(g.pageStep);
    m_vscroll->setSingleStep(g.singleStep);
    return m_layout;
}

double TimelineView::plotLeft() const
{
    return m_laneMode == LaneMode::None ? 0 : m_headerWidth;
}

double TimelineView::plotWidth() const
{
    // The frame only, without placing any event: zoom and pan steps need it before a layout.
    return m_layoutDirty ? Layout::geometry(layoutInput()).plotWidth : m_layout.geometry().plotWidth;
}

TimelineScale::TickUnit TimelineView::currentTickUnit() const
{
    return TimelinePainter::tickUnit(layout().scale(), font());
}

QList<QPair<TimelineScale::Tick, QRectF>> TimelineView::visibleTicks() const
{
    return TimelinePainter::ticks(layout(), font());
}

void TimelineView::setEmptyText(const QString &text)
{
    if (text != m_emptyText) {
        m_emptyText = text;
        if (m_rows.count() == 0) {
            update();
        }
    }
}

void TimelineView::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const TimelinePainter::State state {m_selection ? m_selection->currentEvent() : -1,
                                        m_selection ? m_selection->currentActor() : QString(), m_hoverItem,
                                        m_hoverCluster};
    if (m_rows.count() == 0) {
        // Nothing to draw (a new case, or a filter that leaves nothing): say so, and how events come.
        p.fillRect(rect(), palette().base());
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(24, 12, -24, -12), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    } else {
        TimelinePainter(m_rows, m_categoryColors, palette(), font(), state, &m_elidedLabels)
            .paint(p, layout(), event->region());
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineView::updateItem(int item)
{
    if (item < 0 || m_layoutDirty) {
        return; // nothing drawn, or a full repaint is on its way
    }
    const Layout::Geometry &g = m_layout.geometry();
    const QRectF plot(g.plotLeft, 0, g.plotWidth, g.axisTop);
    for (qsizetype k : m_layout.placedOf(item)) {
        update(m_layout.paintRect(k).intersected(plot).toAlignedRect());
    }
}

void TimelineView::updateCluster(qsizetype cluster)
{
    if (cluster >= 0 && !m_layoutDirty && cluster < m_layout.clusters().size()) {
        update(m_layout.clusters()[cluster].rect.adjusted(-1, -1, 1, 1).toAlignedRect());
    }
}

void TimelineView::setHover(int item, qsizetype cluster)
{
    if (item == m_hoverItem && cluster == m_hoverCluster) {
        return;
    }
    updateItem(m_hoverItem);
    updateCluster(m_hoverCluster);
    m_hoverItem = item;
    m_hoverCluster = cluster;
    updateItem(m_hoverItem);
    updateCluster(m_hoverCluster);
    if (item >= 0 || cluster >= 0) {
        setCursor(Qt::PointingHandCursor);
    } else {
        unsetCursor();
    }
}

void TimelineView::resizeEvent(QResizeEvent *)
{
    m_layoutDirty = true; // plotWidth() below is the new size's
    if (m_autoFit) {
        // Still showing everything: keep showing everything at the new size.
        fitAll();
        return;
    }
    // Keep the days per pixel, so resizing reveals more time instead of stretching it.
    m_scale.stretchTo(plotWidth());
    windowMoved();
}

void TimelineView::fitAll()
{
    if (m_rows.count() == 0) {
        return;
    }
    const double first = m_rows[0].first; // in time order
    const double last = m_lanes.lastDay() + 1;
    m_scale.setWidth(plotWidth());
    if (m_axisMode == AxisMode::Automatic) {
        updateAxis(); // at this size, everything shown: does the linear axis hide events?
    }
    m_scale.fit(first, last, 0.03);
    m_autoFit = true;
    windowMoved();
}

void TimelineView::showRange(double firstDay, double lastDay)
{
    m_scale.setWidth(plotWidth());
    m_scale.setRange(firstDay, lastDay);
    m_autoFit = false;
    windowMoved();
}

void TimelineView::zoomIn()
{
    m_autoFit = false;
    m_scale.zoomAround(plotWidth() / 2.0, 1.5);
    windowMoved();
}

void TimelineView::zoomOut()
{
    m_autoFit = false;
    m_scale.zoomAround(plotWidth() / 2.0, 1 / 1.5);
    windowMoved();
}

void TimelineView::zoomToSelection()
{
    const int item = currentItem();
    if (item < 0) {
        return;
    }
    const TimelineItem &it = m_rows[item];
    m_scale.fit(it.first, it.last + 1, 0.5);
    m_autoFit = false;
    windowMoved();
}

QRectF TimelineView::eventRect(qsizetype eventIndex) const
{
    const Layout &l = layout();
    const QList<qsizetype> placed = l.placedOf(itemOf(eventIndex));
    return placed.isEmpty() ? QRectF() : l.placed()[placed.first()].shape;
}

int TimelineView::itemAt(QPointF pos) const
{
    const Layout &l = layout();
    const qsizetype p = l.hitTest(pos);
    return p < 0 ? -1 : l.placed()[p].item;
}

qsizetype TimelineView::clusterAt(QPointF pos) const
{
    return layout().clusterAt(pos);
}

int TimelineView::itemOf(qsizetype event) const
{
    if (event < 0) {
        return -1;
    }
    // Items are in chronological order: find the event by its rank.
    const qsizetype rank = m_rows.rankOf(event);
    qsizetype lo = 0;
    qsizetype hi = m_rows.count();
    while (lo < hi) {
        const qsizetype mid = (lo + hi) / 2;
        if (m_rows[mid].rank < rank) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < m_rows.count() && m_rows[lo].rank == rank ? static_cast<int>(lo) : -1;
}

int TimelineView::currentItem() const
{
    return m_selection ? itemOf(m_selection->currentEvent()) : -1;
}

void TimelineView::selectItem(int item)
{
    if (m_selection && item >= 0 && item < m_rows.count()) {
        m_selection->setCurrentEvent(m_rows[item].event);
    }
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPointF delta = event->angleDelta();
    m_autoFit = false;
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = delta.y() / 120.0;
        m_scale.zoomAround(event->position().x() - plotLeft(), std::pow(1.25, steps));
    } else if ((event->modifiers() & Qt::ShiftModifier) && m_vscroll->isVisible()) {
        m_vscroll->setValue(m_vscroll->value() - static_cast<int>(delta.y() / 120.0 * m_vscroll->singleStep()));
        event->accept();
        return;
    } else {
        // Plain wheel and horizontal scroll pan; a 120 step moves a tenth of the width.
        const double d = delta.x() != 0 ? -delta.x() : -delta.y();
        m_scale.pan(d / 120.0 * plotWidth() / 10.0);
    }
    windowMoved();
    event->accept();
}

bool TimelineView::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::NativeGesture: {
        // Pinch to zoom, around the fingers.
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            m_autoFit = false;
            m_scale.zoomAround(gesture->position().x() - plotLeft(), 1.0 + gesture->value());
            windowMoved();
            return true;
        }
        break;
    }
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        const int item = itemAt(help->pos());
        const qsizetype cluster = item < 0 ? clusterAt(help->pos()) : -1;
        QString tip;
        if (item >= 0) {
            const TimelineItem &it = m_rows[item];
            tip = m_rows.title(it) + QLatin1Char('\n') + m_rows.dateDescription(it);
            const QString actors = m_rows.actorNames(it).join(QStringLiteral(", "));
            if (!actors.isEmpty()) {
                tip += QStringLiteral("\nActors: ") + actors;
            }
            tip += QStringLiteral("\nSources: %1").arg(it.sources);
            if (it.disputed) {
                tip += QStringLiteral("\nDisputed: the sources disagree");
            }
        } else if (cluster >= 0) {
            const Layout::Cluster &c = layout().clusters()[cluster];
            tip = countOf(c.count, QStringLiteral("more event"), QStringLiteral("more events"))
                + (c.items.isEmpty() ? QStringLiteral(" here; click to zoom in")
                                     : QStringLiteral(" here; click to list them"));
        }
        if (tip.isEmpty()) {
            QToolTip::hideText();
        } else {
            // Case text is untrusted: escaped, so the tooltip never interprets it as rich text.
            QToolTip::showText(help->globalPos(), plainToolTip(tip), this);
        }
        return true;
    }
    case QEvent::FocusIn:
    case QEvent::FocusOut:
        // Only the focus frame changes.
        update(QRegion(rect()).subtracted(QRegion(rect().adjusted(1, 1, -1, -1))));
        break;
    default:
        break;
    }
    return QWidget::event(event);
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        m_labelWidth.clear(); // measured in the old font
        m_elidedLabels.clear();
        measureLaneHeaders();
        invalidateLayout();
    }
    QWidget::changeEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragStart = event->position();
        m_dragging = true;
        m_dragDistance = 0;
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const double dx = event->position().x() - m_dragStart.x();
        m_dragDistance += std::abs(dx);
        if (dx != 0) {
            m_autoFit = false;
        }
        m_scale.pan(-dx);
        m_dragStart = event->position();
        windowMoved();
        return;
    }
    const int item = itemAt(event->position());
    setHover(item, item < 0 ? clusterAt(event->position()) : -1);
}

void TimelineView::leaveEvent(QEvent *event)
{
    setHover(-1, -1);
    QWidget::leaveEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragging) {
        return;
    }
    m_dragging = false;
    if (m_dragDistance >= 4) {
        return;
    }
    const int item = itemAt(event->position());
    if (item >= 0) {
        selectItem(item);
        return;
    }
    const qsizetype cluster = clusterAt(event->position());
    if (cluster >= 0) {
        const Layout::Cluster c = layout().clusters()[cluster];
        if (!c.items.isEmpty()) {
            openClusterList(cluster, event->globalPosition().toPoint());
            return;
        }
        // Density mode: counted, not listed. Zoom into the column; at the closest zoom, step on
        // by a column's width instead of re-centring on the same events.
        const double spanBefore = m_scale.daysPerPixel();
        m_scale.fit(c.firstDay, c.lastDay + 1, 0.1);
        if (m_scale.daysPerPixel() >= spanBefore) {
            m_scale.zoomAround(c.rect.center().x() - plotLeft(), 4.0);
        }
        m_autoFit = false;
        windowMoved();
        return;
    }
    if (m_selection && event->position().x() >= plotLeft()) {
        m_selection->clear();
    }
}

QMenu *TimelineView::clusterMenu() const
{
    return m_clusterMenu;
}

void TimelineView::openClusterList(qsizetype cluster, QPoint globalPos)
{
    if (m_clusterMenu) {
        m_clusterMenu->close();
        m_clusterMenu->deleteLater();
    }
    m_clusterMenu = new QMenu(this);
    m_clusterMenu->setAttribute(Qt::WA_DeleteOnClose);
    m_clusterMenu->setAccessibleName(QStringLiteral("Events in this cluster"));
    const QList<int> items = layout().clusters()[cluster].items;
    for (int item : items) {
        const TimelineItem &it = m_rows[item];
        // Case text is plain text: '&' would mark a shortcut and a tab split off a shortcut column.
        // The title first, then the short date; a long title is cut so the list stays readable
        // (the tooltip and the citation panel have it whole once chosen).
        const QFontMetrics fm(m_clusterMenu->font());
        QString text = fm.elidedText(m_rows.title(it), Qt::ElideRight, fm.averageCharWidth() * 70)
            + QStringLiteral(" \u2014 ") + m_rows.dateText(it);
        text.replace(QLatin1Char('&'), QStringLiteral("&&")).replace(QLatin1Char('\t'), QLatin1Char(' '));
        QAction *a = m_clusterMenu->addAction(text);
        a->setData(item);
        connect(a, &QAction::triggered, this, [this, item] { reveal(item); });
    }
    m_clusterMenu->popup(globalPos);
}

void TimelineView::reveal(int item)
{
    if (item < 0 || item >= m_rows.count()) {
        return;
    }
    selectItem(item); // brings it into view, keeping the zoom
    const qsizetype event = m_rows[item].event;
    if (!eventRect(event).isEmpty()) {
        return;
    }
    // Still folded into a cluster: zoom in around it until it is drawn on its own; its day's
    // events are spread across the day, so the closest zoom always has room.
    const TimelineItem &it = m_rows[item];
    for (int step = 0; step < 40 && eventRect(event).isEmpty(); ++step) {
        const double before = m_scale.daysPerPixel();
        m_scale.fit(it.first, it.last + 1, 0.5 * std::pow(0.7, step) * 40);
        if (step > 0 && m_scale.daysPerPixel() >= before) {
            break;
        }
        m_autoFit = false;
        windowMoved();
    }
    update();
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int item = itemAt(event->position());
    if (item >= 0) {
        selectItem(item);
        Q_EMIT eventActivated(m_rows[item].event);
    }
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const int current = currentItem();
    const int last = static_cast<int>(m_rows.count()) - 1;
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
        selectItem(current < 0 ? 0 : std::min(current + 1, last));
        break;
    case Qt::Key_Left:
    case Qt::Key_Up:
        selectItem(current < 0 ? 0 : std::max(current - 1, 0));
        break;
    case Qt::Key_Home:
        selectItem(0);
        break;
    case Qt::Key_End:
        selectItem(last);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (current >= 0) {
            Q_EMIT eventActivated(m_rows[current].event);
        }
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const QString lane = event->pos().x() < plotLeft() ? layout().laneAt(event->pos().y()) : QString();
    if (!lane.isEmpty()) {
        menu.addAction(QStringLiteral("Hide This Lane"), this, [this, lane] { setLaneHidden(lane, true); });
        menu.addAction(QStringLiteral("Move Lane Up"), this, [this, lane] { moveLane(lane, -1); });
        menu.addAction(QStringLiteral("Move Lane Down"), this, [this, lane] { moveLane(lane, 1); });
    }
    if (!m_hiddenLanes.isEmpty()) {
        menu.addAction(QStringLiteral("Show All Lanes"), this, [this] {
            m_hiddenLanes.clear();
            invalidateLayout();
            Q_EMIT laneOptionsChanged();
        });
    }
    menu.addSeparator();
    const struct
    {
        const char *label;
        LaneMode mode;
    } modes[] = {
        {"No Lanes", LaneMode::None}, {"Lanes by Actor", LaneMode::Actor}, {"Lanes by Category", LaneMode::Category}};
    for (const auto &m : modes) {
        QAction *a = menu.addAction(QString::fromLatin1(m.label), this, [this, mode = m.mode] { setLaneMode(mode); });
        a->setCheckable(true);
        a->setChecked(m_laneMode == m.mode);
    }
    menu.addSeparator();
    menu.addAction(QStringLiteral("Fit All"), this, &TimelineView::fitAll);
    menu.exec(event->globalPos());
}

} // namespace AT
