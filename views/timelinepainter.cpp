#include "timelinepainter.h"

#include <QDate>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace AT {

namespace {
using Layout = TimelineLayout;

double tickSpacing(const QFontMetricsF &fm, TimelineScale::TickUnit unit)
{
    return fm.horizontalAdvance(TimelineScale::widestLabel(unit)) + 16;
}
} // namespace

TimelinePainter::TimelinePainter(const TimelineRows &rows, const QList<QColor> &categoryColors, const QPalette &palette,
                                 const QFont &font, const State &state, ElidedLabels *elided)
    : m_rows(rows)
    , m_categoryColors(categoryColors)
    , m_palette(palette)
    , m_font(font)
    , m_state(state)
    , m_elided(elided)
{ }

TimelineScale::TickUnit TimelinePainter::tickUnit(const TimelineScale &scale, const QFont &font)
{
    const QFontMetricsF fm(font);
    return scale.tickUnit([&](TimelineScale::TickUnit u) { return tickSpacing(fm, u); });
}

QList<QPair<TimelineScale::Tick, QRectF>> TimelinePainter::ticks(const TimelineLayout &layout, const QFont &font)
{
    const QFontMetricsF fm(font);
    const auto ticks = layout.scale().ticks([&](TimelineScale::TickUnit u) { return tickSpacing(fm, u); });
    QList<QPair<TimelineScale::Tick, QRectF>> out;
    const double y = layout.geometry().axisTop + 8;
    const double right = layout.geometry().plotLeft + layout.geometry().plotWidth;
    for (const auto &t : ticks) {
        // A label that would run past the plot's end is left off (its tick stays): cut, it would
        // name another date ("202" for "2024"); moved left of its tick, it would stand for the wrong one.
        const QRectF label(layout.toX(t.day) + 3, y, fm.horizontalAdvance(t.label), fm.height());
        out.append({t, label.right() <= right ? label : QRectF()});
    }
    return out;
}

void TimelinePainter::paint(QPainter &p, const TimelineLayout &layout, const QRegion &dirty) const
{
    const Layout::Geometry &g = layout.geometry();
    p.fillRect(QRectF(QPointF(), layout.size()), m_palette.color(QPalette::Base));
    paintLanesAndAxis(p, layout);
    p.save();
    p.setClipRect(QRectF(g.plotLeft, 0, g.plotWidth, g.axisTop));
    paintEvents(p, layout, dirty);
    paintClusters(p, layout, dirty);
    p.restore();
}

void TimelinePainter::paintLanesAndAxis(QPainter &p, const TimelineLayout &layout) const
{
    const QPalette &pal = m_palette;
    const Layout::Geometry &g = layout.geometry();
    const QFontMetricsF fm(m_font);
    // Lane headers and separators; lanes scrolled partly out of view stop at the axis.
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(60);
    p.save();
    p.setClipRect(QRectF(0, 0, layout.size().width(), g.axisTop));
    for (const Layout::LaneHeader &h : layout.laneHeaders()) {
        const QRectF &r = h.rect;
        p.fillRect(QRectF(0, r.top(), g.plotLeft, r.height()), pal.color(QPalette::AlternateBase));
        p.setPen(grid);
        p.drawLine(QPointF(0, r.bottom() + Layout::LaneGap / 2),
                   QPointF(layout.size().width(), r.bottom() + Layout::LaneGap / 2));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(r.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(h.label, Qt::ElideRight, r.width() - 10));
    }
    p.restore();

    // Axis and ticks.
    p.fillRect(QRectF(0, g.axisTop, layout.size().width(), g.axisHeight), pal.color(QPalette::AlternateBase));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(QPointF(0, g.axisTop), QPointF(layout.size().width(), g.axisTop));
    p.save();
    p.setClipRect(QRectF(g.plotLeft, 0, g.plotWidth, layout.size().height()));
    if (const TimelineWarp *warp = layout.scale().warp()) {
        // Breaks on a compressed axis: time left out. A faint band across the plot, and the axis
        // line cut by a zigzag, so it never reads as a smooth continuation.
        const double viewFirst = layout.scale().firstDay();
        const double viewLast = layout.scale().lastDay();
        QColor band = pal.color(QPalette::Mid);
        band.setAlpha(40);
        // A busy day widened for its events: its stretch of the axis is marked from end to end,
        // so that the room it takes reads as one day, not as the months around it.
        QColor dayBand = pal.color(QPalette::Highlight);
        dayBand.setAlpha(45);
        for (double d : warp->wideDays()) {
            if (d + 1 < viewFirst || d > viewLast) {
                continue;
            }
            const double x0 = layout.toX(d);
            const double x1 = layout.toX(d + 1);
            if (x1 - x0 < 6) {
                continue;
            }
            p.fillRect(QRectF(x0, g.axisTop, x1 - x0, g.axisHeight), dayBand);
            p.setPen(QPen(pal.color(QPalette::Text), 1));
            p.drawLine(QPointF(x0, g.axisTop), QPointF(x0, g.axisTop + g.axisHeight));
            p.drawLine(QPointF(x1, g.axisTop), QPointF(x1, g.axisTop + g.axisHeight));
            if (x0 < g.plotLeft) {
                // Zoomed into the day, its start (and the tick naming it) out of view: the band
                // still says which day it is. No tick stands inside a day, so nothing is covered.
                const QString date
                    = QDate::fromJulianDay(static_cast<qint64>(d)).toString(QStringLiteral("d MMM yyyy"));
                const QRectF text(g.plotLeft + 4, g.axisTop + 8, fm.horizontalAdvance(date), fm.height());
                if (text.right() + 4 <= std::min(x1, g.plotLeft + g.plotWidth)) {
                    p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, date);
                }
            }
        }
        for (const TimelineWarp::Break &b : warp->breaks()) {
            if (b.lastDay < viewFirst || b.firstDay > viewLast) {
                continue;
            }
            const double x0 = layout.toX(b.firstDay);
            const double x1 = layout.toX(b.lastDay);
            p.fillRect(QRectF(x0, 0, x1 - x0, g.axisTop), band);
            p.fillRect(QRectF(x0, g.axisTop - 1, x1 - x0, 3), pal.color(QPalette::AlternateBase));
            QPainterPath zigzag;
            const double mid = (x0 + x1) / 2;
            const double h = 5;
            for (double dx : {-3.0, 3.0}) {
                zigzag.moveTo(mid + dx - h / 2, g.axisTop + h);
                zigzag.lineTo(mid + dx + h / 2, g.axisTop - h);
            }
            zigzag.moveTo(x0, g.axisTop);
            zigzag.lineTo(mid - 3 - h / 2, g.axisTop);
            zigzag.moveTo(mid + 3 + h / 2, g.axisTop);
            zigzag.lineTo(x1, g.axisTop);
            p.setPen(QPen(pal.color(QPalette::Text), 1.2));
            p.setBrush(Qt::NoBrush);
            p.drawPath(zigzag);
            p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DashLine));
            p.drawLine(QPointF(x0, 0), QPointF(x0, g.axisTop));
            p.drawLine(QPointF(x1, 0), QPointF(x1, g.axisTop));
        }
    }
    for (const auto &[tick, labelRect] : ticks(layout, m_font)) {
        const double x = layout.toX(tick.day);
        p.setPen(grid);
        p.drawLine(QPointF(x, 0), QPointF(x, g.axisTop));
        p.setPen(pal.color(QPalette::Text));
        p.drawLine(QPointF(x, g.axisTop), QPointF(x, g.axisTop + 6));
        if (!labelRect.isNull()) {
            p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter, tick.label);
        }
    }
    p.restore();
}

void TimelinePainter::paintEvents(QPainter &p, const TimelineLayout &layout, const QRegion &dirty) const
{
    const QPalette &pal = m_palette;
    const qsizetype current = m_state.currentEvent;
    const int actorNumber = m_state.currentActor.isEmpty() ? -1 : m_rows.actorNumber(m_state.currentActor);
    const bool partial = dirty != QRegion(QRectF(QPointF(), layout.size()).toAlignedRect());
    const QList<Layout::Placed> &placed = layout.placed();
    for (qsizetype k = 0; k < placed.size(); ++k) {
        const Layout::Placed &pl = placed[k];
        if (partial && !dirty.intersects(layout.paintRect(k).toAlignedRect())) {
            continue; // a partial repaint: only what it touches
        }
        const TimelineItem &it = m_rows[pl.item];
        QColor colour = m_categoryColors.value(it.category);
        const bool coarse = it.precision != 3 || it.approximate; // not an exact day
        const bool isCurrent = it.event == current;
        // With an actor selected, its events stand out and the others recede.
        const auto actors = m_rows.actors(it);
        const bool dimmed
            = !m_state.currentActor.isEmpty() && std::find(actors.begin(), actors.end(), actorNumber) == actors.end();
        p.setOpacity(dimmed ? 0.25 : 1.0);
        const QRectF s = pl.shape;
        if (s.width() <= Layout::MarkerSize) {
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
            // Faded by blending toward the background rather than by transparency: PDF viewers such
            // as poppler print a gradient of alpha solid, and on the background both look the same.
            QLinearGradient g(s.topLeft(), s.topRight());
            const QColor clear = m_palette.color(QPalette::Base);
            const double a = (it.range && !coarse ? 220 : (it.range ? 170 : 90)) / 255.0;
            const QColor solid = QColor::fromRgbF(float(colour.redF() * a + clear.redF() * (1 - a)),
                                                  float(colour.greenF() * a + clear.greenF() * (1 - a)),
                                                  float(colour.blueF() * a + clear.blueF() * (1 - a)));
            const double fade = std::min(0.45, Layout::OpenFade / s.width());
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
        } else if (pl.item == m_state.hoverItem) {
            QColor hover = pal.color(QPalette::Highlight);
            hover.setAlpha(120);
            p.setPen(QPen(hover, 1.5));
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
            QFont f = m_font;
            f.setBold(isCurrent);
            p.setFont(f);
            p.setPen(isCurrent ? pal.color(QPalette::Highlight) : pal.color(QPalette::Text));
            const auto elide
                = [&] { return QFontMetricsF(f).elidedText(m_rows.title(it), Qt::ElideRight, pl.label.width()); };
            QString text;
            if (m_elided) {
                // Quarter pixels of width, and the weight, make the key with the item.
                const quint64 key = (quint64(quint32(pl.item)) << 32) | (quint64(isCurrent) << 31)
                    | quint64(std::lround(pl.label.width() * 4) & 0x7fffffff);
                auto cached = m_elided->constFind(key);
                if (cached == m_elided->constEnd()) {
                    if (m_elided->size() > 50000) {
                        m_elided->clear(); // bounded: pans over a large case meet ever new widths
                    }
                    cached = m_elided->insert(key, elide());
                }
                text = *cached;
            } else {
                text = elide();
            }
            p.drawText(pl.label, Qt::AlignLeft | Qt::AlignVCenter, text);
            p.setFont(m_font);
        }
    }
    p.setOpacity(1.0);
}

void TimelinePainter::paintClusters(QPainter &p, const TimelineLayout &layout, const QRegion &dirty) const
{
    // Counted clusters: events that do not fit at this zoom. Click one to list its events.
    const QPalette &pal = m_palette;
    const QFontMetricsF fm(m_font);
    const bool partial = dirty != QRegion(QRectF(QPointF(), layout.size()).toAlignedRect());
    const QList<Layout::Cluster> &clusters = layout.clusters();
    for (qsizetype k = 0; k < clusters.size(); ++k) {
        const Layout::Cluster &c = clusters[k];
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
        } else if (partial && !dirty.intersects(c.rect.adjusted(-1, -1, 1, 1).toAlignedRect())) {
            continue;
        }
        const QString text
            = c.count >= 10000 ? QStringLiteral("%1k").arg(c.count / 1000) : QStringLiteral("+%1").arg(c.count);
        const QRectF r(c.rect.left(), c.rect.top(), std::min(c.rect.width(), fm.horizontalAdvance(text) + 10),
                       c.rect.height());
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(k == m_state.hoverCluster ? QPalette::Dark : QPalette::Mid));
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        p.setPen(pal.color(QPalette::Base));
        p.drawText(r, Qt::AlignCenter, text);
    }
}

} // namespace AT
