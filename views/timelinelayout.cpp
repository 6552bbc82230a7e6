#include "timelinelayout.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace AT {

namespace {
constexpr double Infinity = std::numeric_limits<double>::infinity();
constexpr double HitMargin = 3; // pixels around a marker or bar that still hit it
} // namespace

TimelineLanes::TimelineLanes(const TimelineRows &rows, Grouping grouping, const QStringList &order)
    : m_grouping(grouping)
{
    // One pass: the longest event and the latest day. The rows come in time order (by rank).
    m_lastDay = rows.count() == 0 ? 0 : rows[0].last;
    for (qsizetype i = 0; i < rows.count(); ++i) {
        const TimelineItem &it = rows[i];
        m_maxSpanDays = std::max(m_maxSpanDays, it.last - it.first + 1);
        m_lastDay = std::max(m_lastDay, it.last);
    }
    if (grouping == Grouping::None) {
        Lane all;
        all.items.resize(rows.count());
        std::iota(all.items.begin(), all.items.end(), 0);
        m_lanes.append(all);
    } else {
        // Lanes by actor number or category number, then named.
        const bool byActor = grouping == Grouping::Actor;
        QList<int> laneOf(byActor ? rows.actorCount() : rows.categoryCount(), -1);
        auto add = [&](int key, int item) {
            int &lane = laneOf[key];
            if (lane < 0) {
                lane = static_cast<int>(m_lanes.size());
                const QString id = byActor ? rows.actorId(key) : rows.categoryName(key);
                const QString label = byActor ? rows.actorName(key) : id;
                m_lanes.append(Lane {id, label, {}, {}, {}});
            }
            QList<int> &items = m_lanes[lane].items;
            if (items.isEmpty() || items.last() != item) { // an actor in two roles: one lane entry
                items.append(item);
            }
        };
        for (int i = 0; i < rows.count(); ++i) {
            if (byActor) {
                for (qint32 a : rows.actors(rows[i])) {
                    add(a, i);
                }
            } else {
                add(rows[i].category, i);
            }
        }
        // Busiest lanes first, unless the user ordered them.
        std::stable_sort(m_lanes.begin(), m_lanes.end(), [&order](const Lane &a, const Lane &b) {
            const qsizetype ia = order.indexOf(a.key);
            const qsizetype ib = order.indexOf(b.key);
            if (ia >= 0 || ib >= 0) {
                return ia >= 0 && (ib < 0 || ia < ib);
            }
            return a.items.size() > b.items.size() || (a.items.size() == b.items.size() && a.label < b.label);
        });
    }
    // The latest day per block of items, so density mode finds a column's latest day without a
    // scan, and the long events apart, so it finds those running in from the left without one.
    for (Lane &lane : m_lanes) {
        lane.blockLast.fill(-Infinity, (lane.items.size() + BlockSize - 1) / BlockSize);
        for (qsizetype k = 0; k < lane.items.size(); ++k) {
            const TimelineItem &it = rows[lane.items[k]];
            double &b = lane.blockLast[k / BlockSize];
            b = std::max(b, it.last);
            if (it.last - it.first + 1 > ShortSpanDays) {
                lane.longItems.append(lane.items[k]);
            }
        }
    }
}

QStringList TimelineLanes::keys() const
{
    QStringList out;
    for (const Lane &l : m_lanes) {
        out << l.key;
    }
    return out;
}

double TimelineLanes::latestIn(const TimelineRows &rows, const Lane &lane, qsizetype from, qsizetype to) const
{
    double latest = -Infinity;
    qsizetype k = from;
    for (; k < to && k % BlockSize != 0; ++k) {
        latest = std::max(latest, rows[lane.items[k]].last);
    }
    for (; k + BlockSize <= to; k += BlockSize) {
        latest = std::max(latest, lane.blockLast[k / BlockSize]);
    }
    for (; k < to; ++k) {
        latest = std::max(latest, rows[lane.items[k]].last);
    }
    return latest;
}

TimelineLayout::Geometry TimelineLayout::geometry(const Input &input)
{
    Geometry g;
    const bool grouped = input.lanes && input.lanes->grouped();
    qsizetype lanes = 1;
    if (grouped) {
        lanes = 0;
        for (const TimelineLanes::Lane &l : input.lanes->lanes()) {
            lanes += input.hiddenLanes.contains(l.key) ? 0 : 1;
        }
    }
    g.axisHeight = input.lineHeight + 14;
    g.axisTop = input.size.height() - g.axisHeight;
    g.rowHeight = BarHeight + input.lineHeight + 10;
    g.available = input.size.height() - g.axisHeight - Top - 4;
    // Each lane keeps a strip at its foot for the counted clusters, so they never cover a label.
    const double clusterStrip = input.textHeight + 4;
    g.rowsPerLane = grouped ? RowsPerLane : std::max(1, static_cast<int>((g.available - clusterStrip) / g.rowHeight));
    g.laneHeight = g.rowsPerLane * g.rowHeight + clusterStrip + (grouped ? LaneGap : 0);
    const double content = g.laneHeight * static_cast<double>(lanes);
    // Lanes that do not fit scroll vertically.
    g.scrolls = grouped && content > g.available;
    g.plotLeft = grouped ? input.headerWidth : 0;
    g.plotWidth = std::max(1.0, input.size.width() - g.plotLeft - (g.scrolls ? input.scrollBarWidth : 0.0));
    g.scrollRange = g.scrolls ? static_cast<int>(content - g.available) : 0;
    g.pageStep = static_cast<int>(g.available);
    g.singleStep = static_cast<int>(g.laneHeight);
    return g;
}

TimelineLayout::TimelineLayout(const Input &input)
    : m_geometry(geometry(input))
    , m_size(input.size)
    , m_scale(input.scale)
    , m_textHeight(input.textHeight)
{
    m_scale.setWidth(m_geometry.plotWidth);
    if (!input.lanes) {
        return;
    }
    const Geometry &g = m_geometry;
    const bool grouped = input.lanes->grouped();
    const double offset = g.scrolls ? input.scrollOffset : 0;
    const QList<TimelineLanes::Lane> &lanes = input.lanes->lanes();
    qsizetype shown = 0;
    for (int l = 0; l < lanes.size(); ++l) {
        const TimelineLanes::Lane &lane = lanes[l];
        if (grouped && input.hiddenLanes.contains(lane.key)) {
            continue;
        }
        const double laneTop = Top + static_cast<double>(shown++) * g.laneHeight - offset;
        if (laneTop + g.laneHeight < 0 || laneTop > g.available + Top) {
            continue; // lanes scrolled out of view
        }
        if (grouped) {
            m_laneHeaders.append({QRectF(0, laneTop, g.plotLeft, g.laneHeight - LaneGap), lane.key, lane.label});
        }
        placeLane(input, lane, l, laneTop);
    }
    // Binary searches in clusterAt() need them in reading order; they never overlap, so painting
    // order does not matter.
    std::sort(m_clusters.begin(), m_clusters.end(), [](const Cluster &a, const Cluster &b) {
        return a.rect.top() < b.rect.top() || (a.rect.top() == b.rect.top() && a.rect.left() < b.rect.left());
    });
}

void TimelineLayout::placeLane(const Input &input, const TimelineLanes::Lane &lane, int laneIndex, double laneTop)
{
    const Geometry &g = m_geometry;
    const TimelineRows &rows = input.rows;
    const double left = g.plotLeft;
    const double right = left + g.plotWidth;
    // Only what can reach into the view: binary search on the start, allowing for the longest event.
    const double fromDay = m_scale.day(-MaxLabelWidth - OpenFade) - input.lanes->maxSpanDays();
    const double toDay = m_scale.day(g.plotWidth + OpenFade);
    const auto begin = std::lower_bound(lane.items.cbegin(), lane.items.cend(), fromDay,
                                        [&rows](int i, double day) { return rows[i].first < day; });
    const auto end
        = std::upper_bound(begin, lane.items.cend(), toDay, [&rows](double day, int i) { return day < rows[i].first; });
    if (end - begin > DensityThreshold) {
        // Level of detail: far more events than room. Count them per column instead of placing each.
        m_densityMode = true;
        countLane(input, lane, begin - lane.items.cbegin(), end - lane.items.cbegin(), laneTop);
        return;
    }
    const qsizetype firstPlaced = m_placed.size();
    QList<double> rowEnd(g.rowsPerLane, -1e9); // the rightmost occupied x of each row
    QList<double> fullWidth; // per placed event: its whole label's width
    QHash<int, qsizetype> clusterOf; // bucket -> index in m_clusters
    // Events of one day (exact days, and open ends anchored on a day) are spread across that day
    // in rank order, so at a close enough zoom, or on the compressed axis, each has its own x.
    const qsizetype n = end - begin;
    QList<double> xs0(n);
    QList<double> xs1(n);
    auto sameDay = begin;
    auto sameDayEnd = begin;
    for (auto iter = begin; iter != end; ++iter) {
        const TimelineItem &it = rows[*iter];
        double x0 = toX(it.first);
        double x1 = toX(it.last + 1);
        if (it.last == it.first) {
            if (iter >= sameDayEnd || rows[*sameDay].first != it.first) {
                sameDay = iter;
                sameDayEnd
                    = std::upper_bound(iter, end, it.first, [&rows](double day, int k) { return day < rows[k].first; });
            }
            const double shares = static_cast<double>(sameDayEnd - sameDay);
            x0 = x1 = toX(it.first + static_cast<double>(iter - sameDay) / shares);
        }
        if (it.openStart) {
            x0 = std::min(x0, x1 - OpenFade);
        }
        if (it.openEnd) {
            x1 = std::max(x1, x0 + OpenFade);
        }
        xs0[iter - begin] = x0;
        xs1[iter - begin] = x1;
    }
    for (auto iter = begin; iter != end; ++iter) {
        const int i = *iter;
        const TimelineItem &it = rows[i];
        const qsizetype k = iter - begin;
        const double x0 = xs0[k];
        const double x1 = xs1[k];
        if (x1 < left - MaxLabelWidth || x0 > right) {
            continue; // paint only what is visible
        }
        const bool marker = x1 - x0 < MarkerSize;
        QRectF shape
            = marker ? QRectF(x0 - MarkerSize / 2, 0, MarkerSize, BarHeight) : QRectF(x0, 0, x1 - x0, BarHeight);
        const double full = input.labelWidth ? input.labelWidth(i) : 0;
        // Room for the label is reserved up to MaxLabelWidth; a label may later run on, up to its
        // whole title, until the next thing in its row. Labels start under their event; where the
        // right edge would cut one, it ends at its event instead, if there is more room there.
        // With R rows, the event R places on is the first that may need this event's row: reserve
        // no more than the room up to it, so the busy stretches still place every event.
        double labelWidth = std::min(full, MaxLabelWidth);
        if (k + g.rowsPerLane < n) {
            const double ahead = xs0[k + g.rowsPerLane] - MarkerSize / 2 - shape.left() - LabelGap;
            labelWidth = std::min(labelWidth, std::max(ahead, MinLabelWidth));
        }
        double labelX = std::max(shape.left(), left + 2);
        bool leftSide = false;
        const double roomRight = right - 2 - labelX;
        const double roomLeft = shape.left() - 4 - (left + 2);
        if (labelWidth > roomRight) {
            if (roomLeft > roomRight) {
                leftSide = true;
                labelWidth = std::min(labelWidth, roomLeft);
                labelX = shape.left() - 4 - labelWidth;
            } else {
                labelWidth = std::max(0.0, roomRight);
            }
        }
        int row = -1;
        bool withLabel = true;
        // The freest row that fits: events take turns down the rows, so each label has the most room.
        for (int r = 0; r < g.rowsPerLane; ++r) {
            if (rowEnd[r] + LabelGap <= std::min(shape.left(), labelX) && (row < 0 || rowEnd[r] < rowEnd[row])) {
                row = r;
            }
        }
        if (row < 0 && leftSide) {
            // A label left of its event may be cut to the room left in a row.
            double best = 0;
            for (int r = 0; r < g.rowsPerLane; ++r) {
                const double room = shape.left() - 4 - (rowEnd[r] + LabelGap);
                if (room > best && rowEnd[r] + 2 <= shape.left()) {
                    best = room;
                    row = r;
                }
            }
            if (row >= 0 && best >= std::min(labelWidth, MinLabelWidth)) {
                labelWidth = std::min(labelWidth, best);
                labelX = shape.left() - 4 - labelWidth;
            } else {
                row = -1;
            }
        }
        if (row < 0 && it.openStart && !marker) {
            // An open start fades out over pixels of unknown time: a shorter fade is as true, and
            // lets a busy day's event keep its place instead of folding into a cluster.
            int freest = 0;
            for (int r = 1; r < g.rowsPerLane; ++r) {
                freest = rowEnd[r] < rowEnd[freest] ? r : freest;
            }
            const double from = rowEnd[freest] + LabelGap;
            if (from <= x1 - 2 * MarkerSize) {
                shape.setLeft(from);
                row = freest;
                leftSide = false;
                labelX = std::max(from, left + 2);
                labelWidth = std::min(labelWidth, right - 2 - labelX);
                withLabel = labelWidth >= std::min(full, MinLabelWidth);
            }
        }
        if (row < 0) {
            withLabel = false;
            for (int r = 0; r < g.rowsPerLane; ++r) {
                if (rowEnd[r] + 2 <= shape.left()) {
                    row = r;
                    break;
                }
            }
        }
        if (row < 0 && it.openStart && !marker) {
            // Last, an open start without its label, its fade as short as a marker: drawn, with its
            // title in the tooltip, rather than counted into a cluster.
            for (int r = 0; r < g.rowsPerLane; ++r) {
                if (rowEnd[r] + 2 <= x1 - MarkerSize) {
                    row = r;
                    shape.setLeft(std::max(rowEnd[r] + 2, shape.left()));
                    break;
                }
            }
        }
        if (row < 0) {
            // No room: count it into the cluster of its pixel bucket, which splits as you zoom in.
            const int bucket = static_cast<int>(std::floor((std::max(x0, left) - left) / ClusterBucket));
            auto c = clusterOf.find(bucket);
            if (c == clusterOf.end()) {
                c = clusterOf.insert(bucket, m_clusters.size());
                const double bx = left + bucket * ClusterBucket;
                m_clusters.append(
                    Cluster {QRectF(bx + 2, laneTop + g.rowsPerLane * g.rowHeight + 1, ClusterBucket - 4, m_textHeight),
                             0, it.first, it.last});
            }
            Cluster &cl = m_clusters[*c];
            ++cl.count;
            cl.firstDay = std::min(cl.firstDay, it.first);
            cl.lastDay = std::max(cl.lastDay, it.last);
            cl.items.append(i);
            continue;
        }
        rowEnd[row] = withLabel && !leftSide ? std::max(shape.right(), labelX + labelWidth) : shape.right();
        const double y = laneTop + row * g.rowHeight;
        shape.moveTop(y);
        QRectF label;
        if (withLabel && labelWidth > 0) {
            label = QRectF(labelX, y + BarHeight + 2, labelWidth, m_textHeight);
        }
        m_placed.append(Placed {i, laneIndex, shape, label});
        fullWidth.append(full);
    }
    m_lanePlaced.append({firstPlaced, m_placed.size()});
    extendLabels(firstPlaced, fullWidth, laneTop);
    indexRows(firstPlaced, laneTop);
}

void TimelineLayout::extendLabels(qsizetype firstPlaced, const QList<double> &fullWidth, double laneTop)
{
    // A label cut to its reserved room runs on, up to its whole title, to the next thing in its
    // row (or, left of its event, back to the previous one), never past the plot.
    const Geometry &g = m_geometry;
    const double left = g.plotLeft + 2;
    const double right = g.plotLeft + g.plotWidth - 2;
    QList<QList<qsizetype>> byRow(g.rowsPerLane);
    for (qsizetype p = firstPlaced; p < m_placed.size(); ++p) {
        const int row = static_cast<int>(std::lround((m_placed[p].shape.top() - laneTop) / g.rowHeight));
        byRow[std::clamp(row, 0, g.rowsPerLane - 1)].append(p);
    }
    for (const QList<qsizetype> &row : std::as_const(byRow)) {
        for (qsizetype k = 0; k < row.size(); ++k) {
            Placed &pl = m_placed[row[k]];
            const double full = fullWidth[row[k] - firstPlaced];
            if (pl.label.isEmpty() || pl.label.width() >= full) {
                continue;
            }
            if (pl.label.right() <= pl.shape.left()) {
                double from = left;
                if (k > 0) {
                    const Placed &prev = m_placed[row[k - 1]];
                    from = std::max(from,
                                    std::max(prev.shape.right(), prev.label.isEmpty() ? -1e9 : prev.label.right())
                                        + LabelGap);
                }
                pl.label.setLeft(std::max(pl.label.right() - full, std::min(pl.label.left(), from)));
            } else {
                double to = right;
                if (k + 1 < row.size()) {
                    const Placed &next = m_placed[row[k + 1]];
                    to = std::min(
                        to, std::min(next.shape.left(), next.label.isEmpty() ? 1e9 : next.label.left()) - LabelGap);
                }
                pl.label.setRight(std::min(pl.label.left() + full, std::max(pl.label.right(), to)));
            }
        }
    }
}

void TimelineLayout::indexRows(qsizetype firstPlaced, double laneTop)
{
    // Within a row, placed events never overlap and come left to right: each begins after the
    // previous one's bar and label end. Their hit areas, a few pixels wider, are sorted by left
    // edge, with a running maximum of right edges so a search can stop as soon as nothing reaches.
    const Geometry &g = m_geometry;
    QList<QList<qsizetype>> byRow(g.rowsPerLane);
    for (qsizetype p = firstPlaced; p < m_placed.size(); ++p) {
        const int row = static_cast<int>(std::lround((m_placed[p].shape.top() - laneTop) / g.rowHeight));
        byRow[std::clamp(row, 0, g.rowsPerLane - 1)].append(p);
    }
    for (int r = 0; r < g.rowsPerLane; ++r) {
        const double y = laneTop + r * g.rowHeight;
        HitRow row {y - HitMargin, y + std::max(BarHeight + HitMargin, BarHeight + 2 + m_textHeight), m_rowOrder.size(),
                    m_rowOrder.size()};
        double rightMax = -Infinity;
        for (qsizetype p : std::as_const(byRow[r])) {
            const Placed &pl = m_placed[p];
            double hitLeft = pl.shape.left() - HitMargin;
            double hitRight = pl.shape.right() + HitMargin;
            if (!pl.label.isEmpty()) {
                hitLeft = std::min(hitLeft, pl.label.left());
                hitRight = std::max(hitRight, pl.label.right());
            }
            rightMax = std::max(rightMax, hitRight);
            m_rowOrder.append(p);
            m_hitLeft.append(hitLeft);
            m_hitRightMax.append(rightMax);
        }
        row.end = m_rowOrder.size();
        if (row.end > row.begin) {
            m_rows.append(row);
        }
    }
}

void TimelineLayout::countLane(const Input &input, const TimelineLanes::Lane &lane, qsizetype begin, qsizetype end,
                               double laneTop)
{
    // Each column counts the events that begin in it; the first also those already running at the
    // left edge. Items are in time order, so a column's events are one stretch, found by binary
    // search: a frame costs a few hundred searches, not a pass over every event in view.
    const TimelineRows &rows = input.rows;
    const double width = m_geometry.plotWidth;
    const double areaHeight = m_geometry.rowsPerLane * m_geometry.rowHeight;
    const int columns = static_cast<int>(std::ceil(width / ClusterBucket)) + 1;
    const auto firstOf = [&](qsizetype k) { return rows[lane.items[k]].first; };
    const auto columnOf = [&](int item) {
        return std::clamp(static_cast<int>(std::max(m_scale.x(rows[item].first), 0.0) / ClusterBucket), 0, columns - 1);
    };
    // Items from `begin` may start before the view; those that end before it are not shown.
    const qsizetype inView = std::partition_point(lane.items.cbegin() + begin, lane.items.cbegin() + end,
                                                  [&](int i) { return m_scale.x(rows[i].first) < 0; })
        - lane.items.cbegin();
    qsizetype running = 0;
    double runningFirst = Infinity;
    double runningLast = -Infinity;
    const auto countIfRunning = [&](int i) {
        const TimelineItem &it = rows[i];
        if (m_scale.x(it.last + 1) < 0) {
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
    const double shortFromDay = m_scale.day(0) - TimelineLanes::ShortSpanDays;
    const qsizetype shortFrom = std::partition_point(lane.items.cbegin() + begin, lane.items.cbegin() + inView,
                                                     [&](int i) { return rows[i].first < shortFromDay; })
        - lane.items.cbegin();
    const double fromDay = begin < inView ? firstOf(begin) : shortFromDay;
    const auto longBegin = std::partition_point(lane.longItems.cbegin(), lane.longItems.cend(),
                                                [&](int i) { return rows[i].first < fromDay; });
    for (auto l = longBegin; l != lane.longItems.cend() && rows[*l].first < shortFromDay; ++l) {
        countIfRunning(*l);
    }
    for (qsizetype k = shortFrom; k < inView; ++k) {
        countIfRunning(lane.items[k]);
    }
    // Items past the right edge are not shown.
    const qsizetype last = std::partition_point(lane.items.cbegin() + inView, lane.items.cbegin() + end,
                                                [&](int i) { return m_scale.x(rows[i].first) <= width; })
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
            lastDay[b] = input.lanes->latestIn(rows, lane, from, to);
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
        const double bx = m_geometry.plotLeft + b * ClusterBucket;
        m_clusters.append(Cluster {QRectF(bx + 2, laneTop + areaHeight + 1, ClusterBucket - 4, m_textHeight), counts[b],
                                   firstDay[b], lastDay[b], std::sqrt(double(counts[b]) / busiest)});
    }
}

bool TimelineLayout::hits(const Placed &pl, QPointF pos) const
{
    return pl.shape.adjusted(-HitMargin, -HitMargin, HitMargin, HitMargin).contains(pos) || pl.label.contains(pos);
}

qsizetype TimelineLayout::hitTest(QPointF pos) const
{
    if (pos.y() >= m_geometry.axisTop || pos.x() < m_geometry.plotLeft) {
        return -1; // the axis and the lane headers hide what lies under them
    }
    // Rows are top to bottom, all of the same height: those around pos.y are one short stretch.
    auto row
        = std::partition_point(m_rows.cbegin(), m_rows.cend(), [&](const HitRow &r) { return r.bottom < pos.y(); });
    qsizetype best = -1;
    for (; row != m_rows.cend() && row->top <= pos.y(); ++row) {
        // The last event whose hit area starts at or before x, then back while any could still reach x.
        qsizetype k = std::upper_bound(m_hitLeft.cbegin() + row->begin, m_hitLeft.cbegin() + row->end, pos.x())
            - m_hitLeft.cbegin() - 1;
        for (; k >= row->begin && m_hitRightMax[k] >= pos.x(); --k) {
            if (hits(m_placed[m_rowOrder[k]], pos)) {
                best = std::max(best, m_rowOrder[k]); // the latest placed is drawn on top
                break;
            }
        }
    }
    return best;
}

qsizetype TimelineLayout::clusterAt(QPointF pos) const
{
    // Clusters are sorted by top, then left; those of one lane share their top and height.
    auto c = std::partition_point(m_clusters.cbegin(), m_clusters.cend(),
                                  [&](const Cluster &cl) { return cl.rect.bottom() < pos.y(); });
    while (c != m_clusters.cend() && c->rect.top() <= pos.y()) {
        const double top = c->rect.top();
        const auto laneEnd
            = std::partition_point(c, m_clusters.cend(), [top](const Cluster &cl) { return cl.rect.top() == top; });
        const auto right
            = std::partition_point(c, laneEnd, [&](const Cluster &cl) { return cl.rect.left() <= pos.x(); });
        if (right != c && std::prev(right)->rect.contains(pos)) {
            return std::prev(right) - m_clusters.cbegin();
        }
        c = laneEnd;
    }
    return -1;
}

QString TimelineLayout::laneAt(double y) const
{
    const auto h = std::partition_point(m_laneHeaders.cbegin(), m_laneHeaders.cend(),
                                        [y](const LaneHeader &l) { return l.rect.bottom() + LaneGap <= y; });
    return h != m_laneHeaders.cend() && h->rect.top() <= y ? h->key : QString();
}

QList<qsizetype> TimelineLayout::placedOf(int item) const
{
    QList<qsizetype> out;
    for (const auto &[begin, end] : m_lanePlaced) {
        const auto p = std::partition_point(m_placed.cbegin() + begin, m_placed.cbegin() + end,
                                            [item](const Placed &pl) { return pl.item < item; });
        if (p != m_placed.cbegin() + end && p->item == item) {
            out.append(p - m_placed.cbegin());
        }
    }
    return out;
}

QRectF TimelineLayout::paintRect(qsizetype placed) const
{
    const Placed &pl = m_placed[placed];
    // The selection ring (3 px out, 2.5 px pen) and the disputed badge (4 px left, 6 px up), with
    // a pixel for antialiasing; a bold label is elided to its rectangle.
    QRectF r = pl.shape.adjusted(-6, -8, 6, 6);
    if (!pl.label.isEmpty()) {
        r |= pl.label.adjusted(-2, -2, 2, 2);
    }
    return r;
}

int TimelineLayout::clusteredCount() const
{
    int n = 0;
    for (const Cluster &c : m_clusters) {
        n += c.count;
    }
    return n;
}

QList<QRectF> TimelineLayout::labelRects() const
{
    QList<QRectF> out;
    for (const Placed &pl : m_placed) {
        if (!pl.label.isEmpty()) {
            out.append(pl.label);
        }
    }
    return out;
}

QList<QRectF> TimelineLayout::clusterRects() const
{
    QList<QRectF> out;
    for (const Cluster &c : m_clusters) {
        out.append(c.rect);
    }
    return out;
}

} // namespace AT
