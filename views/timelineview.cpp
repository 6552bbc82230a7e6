#include "timelineview.h"

#include "categorycolor.h"
#include "plaintext.h"
#include "roles.h"
#include "selectionstate.h"

#include <QAbstractItemModel>
#include <QAccessible>
#include <QContextMenuEvent>
#include <QDate>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace AT {

namespace {
constexpr double MarkerSize = 10;
constexpr double BarHeight = 10;
constexpr double OpenFade = 60; // pixels an open end fades over
constexpr double LabelGap = 12;
constexpr double MaxLabelWidth = 280;
constexpr double ClusterBucket = 56; // pixels: events that do not fit are counted per bucket
constexpr int RowsPerLane = 2;
constexpr double LaneGap = 6;
constexpr qsizetype DensityThreshold = 3000; // events in view above which the timeline shows counts per column
constexpr qsizetype BlockSize = 64; // items per block of a lane's latest-day index
constexpr double ShortSpanDays = 64; // events longer than this are also listed apart, per lane

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
        connect(m_selection, &SelectionState::currentEventChanged, this, [this](qsizetype event) {
            const QRectF r = eventRect(event);
            const int item = currentItem();
            if (item >= 0 && (r.isEmpty() || r.right() < plotLeft() || r.left() > width())) {
                // Bring the selected event into view, keeping the zoom.
                const double centre = (m_rows[item].first + m_rows[item].last) / 2;
                m_scale.pan(m_scale.x(centre) - plotWidth() / 2.0);
                m_autoFit = false;
                invalidateLayout();
            }
            update();
            if (QAccessible::isActive()) {
                QAccessibleEvent ev(this, QAccessible::NameChanged);
                QAccessible::updateAccessibility(&ev);
            }
        });
        connect(m_selection, &SelectionState::currentActorChanged, this, qOverload<>(&QWidget::update));
    }
    update();
}

void TimelineView::reload()
{
    m_rows = m_model ? m_model->data(QModelIndex(), TimelineRowsRole).value<TimelineRows>() : TimelineRows();
    // One pass: the longest event and the latest day. The rows come in time order (by rank).
    m_maxSpanDays = 0;
    m_lastDay = m_rows.count() == 0 ? 0 : m_rows[0].last;
    for (qsizetype i = 0; i < m_rows.count(); ++i) {
        const Item &it = m_rows[i];
        m_maxSpanDays = std::max(m_maxSpanDays, it.last - it.first + 1);
        m_lastDay = std::max(m_lastDay, it.last);
    }
    m_labelWidth.clear();
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

float TimelineView::labelWidth(int item, const QFontMetricsF &fm) const
{
    auto it = m_labelWidth.constFind(item);
    if (it == m_labelWidth.constEnd()) {
        it = m_labelWidth.insert(
            item, static_cast<float>(std::min(fm.horizontalAdvance(m_rows.title(m_rows[item])) + 2, MaxLabelWidth)));
    }
    return *it;
}

void TimelineView::rebuildLanes()
{
    m_lanes.clear();
    if (m_laneMode == LaneMode::None) {
        Lane all;
        all.items.resize(m_rows.count());
        std::iota(all.items.begin(), all.items.end(), 0);
        m_lanes.append(all);
    } else {
        // Lanes by actor number or category number, then named.
        const bool byActor = m_laneMode == LaneMode::Actor;
        QList<int> laneOf(byActor ? m_rows.actorCount() : m_rows.categoryCount(), -1);
        auto add = [&](int key, int item) {
            int &lane = laneOf[key];
            if (lane < 0) {
                lane = static_cast<int>(m_lanes.size());
                const QString id = byActor ? m_rows.actorId(key) : m_rows.categoryName(key);
                const QString label = byActor ? m_rows.actorName(key) : id;
                m_lanes.append(Lane {id, label, {}, {}, {}});
            }
            QList<int> &items = m_lanes[lane].items;
            if (items.isEmpty() || items.last() != item) { // an actor in two roles: one lane entry
                items.append(item);
            }
        };
        for (int i = 0; i < m_rows.count(); ++i) {
            if (byActor) {
                for (qint32 a : m_rows.actors(m_rows[i])) {
                    add(a, i);
                }
            } else {
                add(m_rows[i].category, i);
            }
        }
        // Busiest lanes first, unless the user ordered them.
        std::stable_sort(m_lanes.begin(), m_lanes.end(), [this](const Lane &a, const Lane &b) {
            const qsizetype ia = m_laneOrder.indexOf(a.key);
            const qsizetype ib = m_laneOrder.indexOf(b.key);
            if (ia >= 0 || ib >= 0) {
                return ia >= 0 && (ib < 0 || ia < ib);
            }
            return a.items.size() > b.items.size() || (a.items.size() == b.items.size() && a.label < b.label);
        });
    }
    // The latest day per block of items, so density mode finds a column's latest day without a
    // scan, and the long events apart, so it finds those running in from the left without one.
    for (Lane &lane : m_lanes) {
        lane.blockLast.fill(-std::numeric_limits<double>::infinity(), (lane.items.size() + BlockSize - 1) / BlockSize);
        lane.longItems.clear();
        for (qsizetype k = 0; k < lane.items.size(); ++k) {
            const Item &it = m_rows[lane.items[k]];
            double &b = lane.blockLast[k / BlockSize];
            b = std::max(b, it.last);
            if (it.last - it.first + 1 > ShortSpanDays) {
                lane.longItems.append(lane.items[k]);
            }
        }
    }
    invalidateLayout();
}

double TimelineView::latestIn(const Lane &lane, qsizetype from, qsizetype to) const
{
    double latest = -std::numeric_limits<double>::infinity();
    qsizetype k = from;
    for (; k < to && k % BlockSize != 0; ++k) {
        latest = std::max(latest, m_rows[lane.items[k]].last);
    }
    for (; k + BlockSize <= to; k += BlockSize) {
        latest = std::max(latest, lane.blockLast[k / BlockSize]);
    }
    for (; k < to; ++k) {
        latest = std::max(latest, m_rows[lane.items[k]].last);
    }
    return latest;
}

void TimelineView::invalidateLayout()
{
    m_layoutDirty = true;
    update();
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

QStringList TimelineView::lanes() const
{
    QStringList out;
    for (const Lane &l : m_lanes) {
        out << l.key;
    }
    return out;
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

QList<TimelineView::Lane> TimelineView::visibleLanes() const
{
    QList<Lane> out;
    for (const Lane &l : m_lanes) {
        if (!m_hiddenLanes.contains(l.key) || m_laneMode == LaneMode::None) {
            out.append(l);
        }
    }
    return out;
}

double TimelineView::axisHeight() const
{
    return fontMetrics().height() + 14;
}

double TimelineView::rowHeight() const
{
    return BarHeight + fontMetrics().height() + 10;
}

double TimelineView::headerWidth() const
{
    if (m_laneMode == LaneMode::None) {
        return 0;
    }
    const QFontMetricsF fm(font());
    double widest = 60;
    for (const Lane &l : m_lanes) {
        widest = std::max(widest, fm.horizontalAdvance(l.label));
    }
    return std::min(widest + 16, 200.0);
}

double TimelineView::plotWidth() const
{
    const double scrollbar = m_vscroll->isVisible() ? m_vscroll->width() : 0;
    return std::max(1.0, width() - headerWidth() - scrollbar);
}

void TimelineView::layoutItems() const
{
    if (!m_layoutDirty) {
        return;
    }
    m_layoutDirty = false;
    m_placed.clear();
    m_clusters.clear();
    m_laneHeaders.clear();
    m_densityMode = false;
    auto *self = const_cast<TimelineView *>(this);
    self->m_scale.setWidth(plotWidth());

    const QFontMetricsF fm(font());
    const double top = 8;
    const double available = height() - axisHeight() - top - 4;
    const QList<Lane> lanes = visibleLanes();
    const bool single = m_laneMode == LaneMode::None;
    // Each lane keeps a strip at its foot for the counted clusters, so they never cover a label.
    const double clusterStrip = fm.height() + 4;
    const int rowsPerLane
        = single ? std::max(1, static_cast<int>((available - clusterStrip) / rowHeight())) : RowsPerLane;
    const double laneHeight = rowsPerLane * rowHeight() + clusterStrip + (single ? 0 : LaneGap);
    const double content = laneHeight * lanes.size();
    // Lanes that do not fit scroll vertically.
    const bool scroll = !single && content > available;
    if (scroll != m_vscroll->isVisible()) {
        m_vscroll->setVisible(scroll);
        self->m_scale.setWidth(plotWidth());
    }
    m_vscroll->setGeometry(width() - m_vscroll->sizeHint().width(), 0, m_vscroll->sizeHint().width(),
                           static_cast<int>(height() - axisHeight()));
    m_vscroll->setRange(0, scroll ? static_cast<int>(content - available) : 0);
    m_vscroll->setPageStep(static_cast<int>(available));
    m_vscroll->setSingleStep(static_cast<int>(laneHeight));
    const double offset = scroll ? m_vscroll->value() : 0;

    const double left = plotLeft();
    const double right = left + plotWidth();
    for (qsizetype l = 0; l < lanes.size(); ++l) {
        const Lane &lane = lanes[l];
        const double laneTop = top + l * laneHeight - offset;
        if (laneTop + laneHeight < 0 || laneTop > available + top) {
            continue; // lanes scrolled out of view
        }
        if (!single) {
            m_laneHeaders.append({QRectF(0, laneTop, left, laneHeight - LaneGap), lane.key});
        }
        QList<double> rowEnd(rowsPerLane, -1e9); // the rightmost occupied x of each row
        QHash<int, int> clusterOf; // bucket -> index in m_clusters
        // Only what can reach into the view: binary search on the start, allowing for the longest event.
        const double fromDay = m_scale.day(-MaxLabelWidth - OpenFade) - m_maxSpanDays;
        const double toDay = m_scale.day(plotWidth() + OpenFade);
        const auto begin = std::lower_bound(lane.items.cbegin(), lane.items.cend(), fromDay,
                                            [this](int i, double day) { return m_rows[i].first < day; });
        const auto end = std::upper_bound(begin, lane.items.cend(), toDay,
                                          [this](double day, int i) { return day < m_rows[i].first; });
        if (end - begin > DensityThreshold) {
            // Level of detail: far more events than room. Count them per column instead of placing each.
            m_densityMode = true;
            layoutDensity(lane, begin - lane.items.cbegin(), end - lane.items.cbegin(), laneTop,
                          rowsPerLane * rowHeight(), fm.height());
            continue;
        }
        for (auto iter = begin; iter != end; ++iter) {
            const int i = *iter;
            const Item &it = m_rows[i];
            double x0 = toX(it.first);
            double x1 = toX(it.last + 1);
            if (it.openStart) {
                x0 = std::min(x0, x1 - OpenFade);
            }
            if (it.openEnd) {
                x1 = std::max(x1, x0 + OpenFade);
            }
            if (x1 < left - MaxLabelWidth || x0 > right) {
                continue; // paint only what is visible
            }
            const bool marker = x1 - x0 < MarkerSize;
            QRectF shape
                = marker ? QRectF(x0 - MarkerSize / 2, 0, MarkerSize, BarHeight) : QRectF(x0, 0, x1 - x0, BarHeight);
            const double labelWidth = this->labelWidth(i, fm);
            // Labels start under their event; near the right edge they end there instead, so none is clipped.
            double labelX = std::max(shape.left(), left + 2);
            if (labelX + labelWidth > right - 2) {
                labelX = std::max(left + 2, std::min(labelX, right - 2 - labelWidth));
            }
            const double wanted = std::max(shape.right(), labelX + labelWidth);
            int row = -1;
            bool withLabel = true;
            for (int r = 0; r < rowsPerLane; ++r) {
                if (rowEnd[r] + LabelGap <= std::min(shape.left(), labelX)) {
                    row = r;
                    break;
                }
            }
            if (row < 0) {
                withLabel = false;
                for (int r = 0; r < rowsPerLane; ++r) {
                    if (rowEnd[r] + 2 <= shape.left()) {
                        row = r;
                        break;
                    }
                }
            }
            if (row < 0) {
                // No room: count it into the cluster of its pixel bucket, which splits as you zoom in.
                const int bucket = static_cast<int>(std::floor((std::max(x0, left) - left) / ClusterBucket));
                auto c = clusterOf.find(bucket);
                if (c == clusterOf.end()) {
                    c = clusterOf.insert(bucket, static_cast<int>(m_clusters.size()));
                    const double bx = left + bucket * ClusterBucket;
                    m_clusters.append(Cluster {
                        QRectF(bx + 2, laneTop + rowsPerLane * rowHeight() + 1, ClusterBucket - 4, fm.height()), 0,
                        it.first, it.last});
                }
                Cluster &cl = m_clusters[*c];
                ++cl.count;
                cl.firstDay = std::min(cl.firstDay, it.first);
                cl.lastDay = std::max(cl.lastDay, it.last);
                continue;
            }
            rowEnd[row] = withLabel ? wanted : shape.right();
            const double y = laneTop + row * rowHeight();
            shape.moveTop(y);
            QRectF label;
            if (withLabel) {
                label = QRectF(labelX, y + BarHeight + 2, labelWidth, fm.height());
            }
            m_placed.append(Placed {i, shape, label});
        }
    }
}

void TimelineView::layoutDensity(const Lane &lane, qsizetype begin, qsizetype end, double laneTop, double areaHeight,
                                 double stripHeight) const
{
    // Each column counts the events that begin in it; the first also those already running at the
    // left edge. Items are in time order, so a column's events are one stretch, found by binary
    // search: a frame costs a few hundred searches, not a pass over every event in view.
    const double width = plotWidth();
    const int columns = static_cast<int>(std::ceil(width / ClusterBucket)) + 1;
    const double dpp = m_scale.daysPerPixel();
    const auto firstOf = [&](qsizetype k) { return m_rows[lane.items[k]].first; };
    const auto columnOf = [&](int item) {
        return std::clamp(static_cast<int>(std::max(m_scale.x(m_rows[item].first), 0.0) / ClusterBucket), 0,
                          columns - 1);
    };
    // Items from `begin` may start before the view; those that end before it are not shown.
    const qsizetype inView = std::partition_point(lane.items.cbegin() + begin, lane.items.cbegin() + end,
                                                  [&](int i) { return m_scale.x(m_rows[i].first) < 0; })
        - lane.items.cbegin();
    qsizetype running = 0;
    double runningFirst = std::numeric_limits<double>::infinity();
    double runningLast = -std::numeric_limits<double>::infinity();
    const auto countIfRunning = [&](int i) {
        const Item &it = m_rows[i];
        if (m_scale.x(it.first) + (it.last - it.first + 1) / dpp < 0) {
            return;
        }
        ++running;
        runningFirst = std::min(runningFirst, it.first);
        runningLast = std::max(runningLast, it.last);
    };
    // A short event (ShortSpanDays or less) can reach into the view only if it starts at most that
    // long before it: check every item of that stretch, and of the earlier ones only the long
    // events, kept in their own list. Without the split, one long event per block of items made
    // a zoomed-out frame walk decades of events.
    const double shortFromDay = m_scale.day(0) - ShortSpanDays;
    const qsizetype shortFrom = std::partition_point(lane.items.cbegin() + begin, lane.items.cbegin() + inView,
                                                     [&](int i) { return m_rows[i].first < shortFromDay; })
        - lane.items.cbegin();
    const double fromDay = begin < inView ? firstOf(begin) : shortFromDay;
    const auto longBegin = std::partition_point(lane.longItems.cbegin(), lane.longItems.cend(),
                                                [&](int i) { return m_rows[i].first < fromDay; });
    for (auto l = longBegin; l != lane.longItems.cend() && m_rows[*l].first < shortFromDay; ++l) {
        countIfRunning(*l);
    }
    for (qsizetype k = shortFrom; k < inView; ++k) {
        countIfRunning(lane.items[k]);
    }
    // Items past the right edge are not shown.
    const qsizetype last = std::partition_point(lane.items.cbegin() + inView, lane.items.cbegin() + end,
                                                [&](int i) { return m_scale.x(m_rows[i].first) <= width; })
        - lane.items.cbegin();
    QList<int> counts(columns, 0);
    QList<double> firstDay(columns, 0);
    QList<double> lastDay(columns, 0);
    qsizetype from = inView;
    for (int b = 0; b < columns && from < last; ++b) {
        const qsizetype to = std::partition_point(lane.items.cbegin() + from, lane.items.cbegin() + last,
                                                  [&](int i) { return columnOf(i) <= b; })
            - lane.items.cbegin();
        if (to > from) {
            counts[b] = static_cast<int>(to - from);
            firstDay[b] = firstOf(from);
            lastDay[b] = latestIn(lane, from, to);
        }
        from = to;
    }
    if (running > 0) {
        firstDay[0] = runningFirst;
        lastDay[0] = counts[0] ? std::max(lastDay[0], runningLast) : runningLast;
        counts[0] += static_cast<int>(running);
    }
    const int busiest = std::max(1, *std::max_element(counts.cbegin(), counts.cend()));
    for (int b = 0; b < columns; ++b) {
        if (counts[b] == 0) {
            continue;
        }
        const double bx = plotLeft() + b * ClusterBucket;
        m_clusters.append(Cluster {QRectF(bx + 2, laneTop + areaHeight + 1, ClusterBucket - 4, stripHeight), counts[b],
                                   firstDay[b], lastDay[b], std::sqrt(double(counts[b]) / busiest)});
    }
}

TimelineScale::TickUnit TimelineView::currentTickUnit() const
{
    layoutItems();
    const QFontMetricsF fm(font());
    return m_scale.tickUnit(
        [&](TimelineScale::TickUnit u) { return fm.horizontalAdvance(TimelineScale::widestLabel(u)) + 16; });
}

QList<QPair<TimelineScale::Tick, QRectF>> TimelineView::visibleTicks() const
{
    layoutItems();
    const QFontMetricsF fm(font());
    const auto ticks = m_scale.ticks(
        [&](TimelineScale::TickUnit u) { return fm.horizontalAdvance(TimelineScale::widestLabel(u)) + 16; });
    QList<QPair<TimelineScale::Tick, QRectF>> out;
    const double y = height() - axisHeight() + 8;
    for (const auto &t : ticks) {
        const double x = toX(t.day);
        out.append({t, QRectF(x + 3, y, fm.horizontalAdvance(t.label), fm.height())});
    }
    return out;
}

QList<QRectF> TimelineView::labelRects() const
{
    layoutItems();
    QList<QRectF> out;
    for (const Placed &pl : std::as_const(m_placed)) {
        if (!pl.label.isEmpty()) {
            out.append(pl.label);
        }
    }
    return out;
}

QList<QRectF> TimelineView::clusterRects() const
{
    layoutItems();
    QList<QRectF> out;
    for (const Cluster &c : std::as_const(m_clusters)) {
        out.append(c.rect);
    }
    return out;
}

int TimelineView::clusteredCount() const
{
    layoutItems();
    int n = 0;
    for (const Cluster &c : std::as_const(m_clusters)) {
        n += c.count;
    }
    return n;
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    layoutItems();
    const double left = plotLeft();
    const double axisTop = height() - axisHeight();
    const QFontMetricsF fm(font());

    // Lane headers and separators; lanes scrolled partly out of view stop at the axis.
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(60);
    p.save();
    p.setClipRect(QRectF(0, 0, width(), axisTop));
    for (const auto &[r, key] : std::as_const(m_laneHeaders)) {
        p.fillRect(QRectF(0, r.top(), left, r.height()), pal.color(QPalette::AlternateBase));
        p.setPen(grid);
        p.drawLine(QPointF(0, r.bottom() + LaneGap / 2), QPointF(width(), r.bottom() + LaneGap / 2));
        p.setPen(pal.color(QPalette::Text));
        QString label;
        for (const Lane &l : m_lanes) {
            if (l.key == key) {
                label = l.label;
            }
        }
        p.drawText(r.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(label, Qt::ElideRight, r.width() - 10));
    }

    p.restore();

    // Axis and ticks.
    p.fillRect(QRectF(0, axisTop, width(), axisHeight()), pal.color(QPalette::AlternateBase));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(QPointF(0, axisTop), QPointF(width(), axisTop));
    p.save();
    p.setClipRect(QRectF(left, 0, plotWidth(), height()));
    for (const auto &[tick, labelRect] : visibleTicks()) {
        const double x = toX(tick.day);
        p.setPen(grid);
        p.drawLine(QPointF(x, 0), QPointF(x, axisTop));
        p.setPen(pal.color(QPalette::Text));
        p.drawLine(QPointF(x, axisTop), QPointF(x, axisTop + 6));
        p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter, tick.label);
    }

    p.restore();
    p.save();
    p.setClipRect(QRectF(left, 0, plotWidth(), axisTop));
    const qsizetype current = m_selection ? m_selection->currentEvent() : -1;
    const QString actor = m_selection ? m_selection->currentActor() : QString();
    const int actorNumber = actor.isEmpty() ? -1 : m_rows.actorNumber(actor);
    for (const Placed &pl : std::as_const(m_placed)) {
        const Item &it = m_rows[pl.item];
        QColor colour = m_categoryColors.value(it.category);
        const bool coarse = it.precision != 3 || it.approximate; // not an exact day
        const bool isCurrent = it.event == current;
        // With an actor selected, its events stand out and the others recede.
        const auto actors = m_rows.actors(it);
        const bool dimmed = !actor.isEmpty() && std::find(actors.begin(), actors.end(), actorNumber) == actors.end();
        p.setOpacity(dimmed ? 0.25 : 1.0);
        const QRectF s = pl.shape;
        if (s.width() <= MarkerSize) {
            // An exact day (or a coarse date squeezed to a point at this zoom): a diamond.
            QPainterPath diamond;
            diamond.moveTo(s.center().x(), s.top());
            diamond.lineTo(s.right(), s.center().y());
            diamond.lineTo(s.center().x(), s.bottom());
            diamond.lineTo(s.left(), s.center().y());
            diamond.closeSubpath();
            QColor fill = colour;
            if (coarse) {
                fill.setAlpha(110);
            }
            p.setPen(QPen(colour.darker(130), 1));
            p.setBrush(fill);
            p.drawPath(diamond);
        } else {
            // A bar over every day the date may denote; coarse and approximate dates are faded,
            // open ends fade out, so no false exact day is drawn.
            QLinearGradient g(s.topLeft(), s.topRight());
            QColor solid = colour;
            solid.setAlpha(it.range && !coarse ? 220 : (it.range ? 170 : 90));
            QColor clear = colour;
            clear.setAlpha(0);
            const double fade = std::min(0.45, OpenFade / s.width());
            g.setColorAt(0, it.openStart ? clear : solid);
            g.setColorAt(it.openStart ? fade : 0.0, solid);
            g.setColorAt(it.openEnd ? 1 - fade : 1.0, solid);
            g.setColorAt(1, it.openEnd ? clear : solid);
            p.setPen(Qt::NoPen);
            // Solid where both ends are known: simpler for SVG and PDF consumers than a gradient.
            if (it.openStart || it.openEnd) {
                p.setBrush(g);
            } else {
                p.setBrush(solid);
            }
            p.drawRoundedRect(s, 3, 3);
            if (it.approximate) {
                p.setPen(QPen(colour.darker(120), 1, Qt::DashLine));
                p.setBrush(Qt::NoBrush);
                p.drawRoundedRect(s, 3, 3);
            }
        }
        if (isCurrent) {
            p.setPen(QPen(pal.color(QPalette::Highlight), 2.5));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(s.adjusted(-3, -3, 3, 3), 4, 4);
        }
        if (it.disputed) {
            // A red badge: the sources disagree about this event.
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0xC0, 0x1B, 0x1B));
            p.drawEllipse(QRectF(s.left() - 4, s.top() - 6, 9, 9));
        }
        if (!pl.label.isEmpty()) {
            QFont f = font();
            f.setBold(isCurrent);
            p.setFont(f);
            p.setPen(isCurrent ? pal.color(QPalette::Highlight) : pal.color(QPalette::Text));
            const QString text = QFontMetricsF(f).elidedText(m_rows.title(it), Qt::ElideRight, pl.label.width());
            p.drawText(pl.label, Qt::AlignLeft | Qt::AlignVCenter, text);
            p.setFont(font());
        }
    }
    p.setOpacity(1.0);
    // Counted clusters: events that do not fit at this zoom. Click one to zoom into it.
    for (const Cluster &c : std::as_const(m_clusters)) {
        if (c.density > 0) {
            // Density mode: a column as tall as its share of the busiest, above its count. The
            // highlight is blended with the background here and the column snapped to whole pixels,
            // so the painter fills it opaquely instead of rasterising an antialiased translucent shape.
            const double h = (c.rect.top() - 8) * c.density;
            const QColor highlight = pal.color(QPalette::Highlight);
            const QColor base = pal.color(QPalette::Base);
            const auto mix = [](int a, int b) { return (a * 110 + b * (255 - 110)) / 255; };
            const QColor bar(mix(highlight.red(), base.red()), mix(highlight.green(), base.green()),
                             mix(highlight.blue(), base.blue()));
            p.setRenderHint(QPainter::Antialiasing, false);
            p.fillRect(QRectF(c.rect.left(), c.rect.top() - 2 - h, c.rect.width(), h).toAlignedRect(), bar);
            p.setRenderHint(QPainter::Antialiasing, true);
        }
        const QString text
            = c.count >= 10000 ? QStringLiteral("%1k").arg(c.count / 1000) : QStringLiteral("+%1").arg(c.count);
        const QRectF r(c.rect.left(), c.rect.top(), std::min(c.rect.width(), fm.horizontalAdvance(text) + 10),
                       c.rect.height());
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(QPalette::Mid));
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        p.setPen(pal.color(QPalette::Base));
        p.drawText(r, Qt::AlignCenter, text);
    }
    p.restore();
    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineView::resizeEvent(QResizeEvent *)
{
    if (m_autoFit) {
        // Still showing everything: keep showing everything at the new size.
        m_layoutDirty = true;
        layoutItems();
        fitAll();
        return;
    }
    const double oldWidth = m_scale.width();
    const double span = m_scale.span();
    const double first = m_scale.firstDay();
    m_layoutDirty = true;
    layoutItems(); // sets the new plot width
    // Keep the days per pixel, so resizing reveals more time instead of stretching it.
    m_scale.setRange(first, first + span * plotWidth() / oldWidth);
    invalidateLayout();
}

void TimelineView::fitAll()
{
    if (m_rows.count() == 0) {
        return;
    }
    const double first = m_rows[0].first; // in time order
    const double last = m_lastDay + 1;
    m_scale.setWidth(plotWidth());
    m_scale.fit(first, last, 0.03);
    m_autoFit = true;
    invalidateLayout();
}

void TimelineView::showRange(double firstDay, double lastDay)
{
    m_scale.setWidth(plotWidth());
    m_scale.setRange(firstDay, lastDay);
    m_autoFit = false;
    invalidateLayout();
}

void TimelineView::zoomIn()
{
    m_autoFit = false;
    m_scale.zoomAround(plotWidth() / 2.0, 1.5);
    invalidateLayout();
}

void TimelineView::zoomOut()
{
    m_autoFit = false;
    m_scale.zoomAround(plotWidth() / 2.0, 1 / 1.5);
    invalidateLayout();
}

void TimelineView::zoomToSelection()
{
    const int item = currentItem();
    if (item < 0) {
        return;
    }
    const Item &it = m_rows[item];
    m_scale.fit(it.first, it.last + 1, 0.5);
    m_autoFit = false;
    invalidateLayout();
}

QRectF TimelineView::eventRect(qsizetype eventIndex) const
{
    layoutItems();
    for (const Placed &pl : std::as_const(m_placed)) {
        if (m_rows[pl.item].event == eventIndex) {
            return pl.shape;
        }
    }
    return {};
}

int TimelineView::hitTest(QPointF pos) const
{
    layoutItems();
    if (pos.y() >= height() - axisHeight() || pos.x() < plotLeft()) {
        return -1; // the axis and the lane headers hide what lies under them
    }
    for (qsizetype i = m_placed.size() - 1; i >= 0; --i) {
        const Placed &pl = m_placed[i];
        if (pl.shape.adjusted(-3, -3, 3, 3).contains(pos) || pl.label.contains(pos)) {
            return pl.item;
        }
    }
    return -1;
}

int TimelineView::clusterAt(QPointF pos) const
{
    layoutItems();
    for (int i = 0; i < m_clusters.size(); ++i) {
        if (m_clusters[i].rect.contains(pos)) {
            return i;
        }
    }
    return -1;
}

QString TimelineView::laneAt(QPointF pos) const
{
    layoutItems();
    for (const auto &[r, key] : std::as_const(m_laneHeaders)) {
        if (pos.y() >= r.top() && pos.y() < r.bottom() + LaneGap) {
            return key;
        }
    }
    return {};
}

int TimelineView::currentItem() const
{
    if (!m_selection || m_selection->currentEvent() < 0) {
        return -1;
    }
    // Items are in chronological order: find the event by its rank.
    const qsizetype rank = m_rows.rankOf(m_selection->currentEvent());
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
    } else {
        // Plain wheel and horizontal scroll pan; a 120 step moves a tenth of the width.
        const double d = delta.x() != 0 ? -delta.x() : -delta.y();
        m_scale.pan(d / 120.0 * plotWidth() / 10.0);
    }
    invalidateLayout();
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
            invalidateLayout();
            return true;
        }
        break;
    }
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        const int item = hitTest(help->pos());
        const int cluster = clusterAt(help->pos());
        QString tip;
        if (item >= 0) {
            const Item &it = m_rows[item];
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
            tip = QStringLiteral("%1 more events here; click to zoom in").arg(m_clusters[cluster].count);
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
        update();
        break;
    default:
        break;
    }
    return QWidget::event(event);
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
        invalidateLayout();
    }
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
    const int item = hitTest(event->position());
    if (item >= 0) {
        selectItem(item);
        return;
    }
    const int cluster = clusterAt(event->position());
    if (cluster >= 0) {
        const Cluster c = m_clusters[cluster];
        m_scale.fit(c.firstDay, c.lastDay + 1, 0.1);
        m_autoFit = false;
        invalidateLayout();
        return;
    }
    if (m_selection && event->position().x() >= plotLeft()) {
        m_selection->clear();
    }
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int item = hitTest(event->position());
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
    const QString lane = event->pos().x() < plotLeft() ? laneAt(event->pos()) : QString();
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
