#include "timelineview.h"

#include "roles.h"
#include "selectionstate.h"

#include <QAbstractItemModel>
#include <QAccessible>
#include <QDate>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace AT {

namespace {
constexpr double MarkerSize = 10;
constexpr double BarHeight = 10;
constexpr double OpenFade = 60; // pixels an open end fades over
constexpr double LabelGap = 12;
constexpr double MaxLabelWidth = 280;

QColor categoryColor(const QString &category)
{
    // A fixed, colour-blind-friendly palette (Okabe-Ito), assigned by a stable hash of the category.
    static const QColor palette[]
        = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
           QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x8C, 0x6D, 0x2C), QColor(0x55, 0x55, 0x55)};
    // FNV-1a over the UTF-16 units: the same category gets the same colour in every run (qHash is seeded per process).
    quint32 h = 2166136261u;
    for (QChar c : category) {
        h = (h ^ c.unicode()) * 16777619u;
    }
    return palette[h % (sizeof(palette) / sizeof(palette[0]))];
}
} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(QStringLiteral("Timeline"));
    setAccessibleDescription(QStringLiteral("Events of the case along a time axis. Arrow keys move between events, "
                                            "Enter opens the first citation, plus and minus zoom."));
    m_scale.fit(QDate(2018, 1, 1).toJulianDay(), QDate(2024, 12, 31).toJulianDay());
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
            if (event >= 0 && (r.isEmpty() || r.right() < 0 || r.left() > width())) {
                // Bring the selected event into view, keeping the zoom.
                const int item = currentItem();
                if (item >= 0) {
                    const double centre = (m_items[item].first + m_items[item].last) / 2;
                    m_scale.pan((m_scale.x(centre) - width() / 2.0));
                    m_layoutDirty = true;
                }
            }
            update();
            if (QAccessible::isActive()) {
                QAccessibleEvent ev(this, QAccessible::Focus);
                QAccessible::updateAccessibility(&ev);
            }
        });
    }
    update();
}

void TimelineView::reload()
{
    m_items.clear();
    if (m_model) {
        const int rows = m_model->rowCount();
        m_items.reserve(rows);
        for (int r = 0; r < rows; ++r) {
            const QModelIndex idx = m_model->index(r, 0);
            Item item;
            item.event = idx.data(EventIndexRole).value<qsizetype>();
            item.first = static_cast<double>(idx.data(EarliestDayRole).toLongLong());
            item.last = static_cast<double>(idx.data(LatestDayRole).toLongLong());
            item.precision = idx.data(PrecisionRole).toInt();
            item.range = idx.data(IsRangeRole).toBool();
            item.openStart = idx.data(OpenStartRole).toBool();
            item.openEnd = idx.data(OpenEndRole).toBool();
            item.approximate = idx.data(ApproximateRole).toBool();
            item.disputed = idx.data(DisputedRole).toBool();
            item.title = idx.data(TitleRole).toString();
            item.date = idx.data(DateDescriptionRole).toString();
            item.actors = idx.data(ActorNamesRole).toStringList().join(QStringLiteral(", "));
            item.sources = idx.data(SourceCountRole).toInt();
            item.category = idx.data(CategoryRole).toString();
            m_items.append(std::move(item));
        }
    }
    m_layoutDirty = true;
    update();
}

double TimelineView::axisHeight() const
{
    return fontMetrics().height() + 14;
}

double TimelineView::rowHeight() const
{
    return BarHeight + fontMetrics().height() + 10;
}

void TimelineView::layoutItems() const
{
    if (!m_layoutDirty) {
        return;
    }
    m_layoutDirty = false;
    m_placed.clear();
    m_hiddenCount = 0;
    const QFontMetricsF fm(font());
    const double top = 8;
    const int rows = std::max(1, static_cast<int>((height() - axisHeight() - top - 4) / rowHeight()));
    QList<double> rowEnd(rows, -1e9); // the rightmost occupied x of each row
    const double w = width();
    for (int i = 0; i < m_items.size(); ++i) {
        const Item &it = m_items[i];
        double x0 = m_scale.x(it.first);
        double x1 = m_scale.x(it.last + 1);
        if (it.openStart) {
            x0 = std::min(x0, x1 - OpenFade);
        }
        if (it.openEnd) {
            x1 = std::max(x1, x0 + OpenFade);
        }
        if (x1 < -MaxLabelWidth || x0 > w) {
            continue; // paint only what is visible
        }
        const bool marker = x1 - x0 < MarkerSize;
        QRectF shape
            = marker ? QRectF(x0 - MarkerSize / 2, 0, MarkerSize, BarHeight) : QRectF(x0, 0, x1 - x0, BarHeight);
        const double labelWidth = std::min(fm.horizontalAdvance(it.title) + 2, MaxLabelWidth);
        // Labels start under their event; near the right edge they end there instead, so none is clipped.
        double labelX = std::max(shape.left(), 2.0);
        if (labelX + labelWidth > w - 2) {
            labelX = std::max(2.0, std::min(labelX, w - 2 - labelWidth));
        }
        const double wanted = std::max(shape.right(), labelX + labelWidth);
        int row = -1;
        bool withLabel = true;
        for (int r = 0; r < rows; ++r) {
            if (rowEnd[r] + LabelGap <= std::min(shape.left(), labelX)) {
                row = r;
                break;
            }
        }
        if (row < 0) {
            withLabel = false;
            for (int r = 0; r < rows; ++r) {
                if (rowEnd[r] + 2 <= shape.left()) {
                    row = r;
                    break;
                }
            }
        }
        if (row < 0) {
            ++m_hiddenCount;
            continue;
        }
        rowEnd[row] = withLabel ? wanted : shape.right();
        const double y = top + row * rowHeight();
        shape.moveTop(y);
        QRectF label;
        if (withLabel) {
            label = QRectF(labelX, y + BarHeight + 2, labelWidth, fm.height());
        }
        m_placed.append(Placed {i, shape, label, row});
    }
}

TimelineScale::TickUnit TimelineView::currentTickUnit() const
{
    const QFontMetricsF fm(font());
    return m_scale.tickUnit(
        [&](TimelineScale::TickUnit u) { return fm.horizontalAdvance(TimelineScale::widestLabel(u)) + 16; });
}

QList<QPair<TimelineScale::Tick, QRectF>> TimelineView::visibleTicks() const
{
    const QFontMetricsF fm(font());
    const auto ticks = m_scale.ticks(
        [&](TimelineScale::TickUnit u) { return fm.horizontalAdvance(TimelineScale::widestLabel(u)) + 16; });
    QList<QPair<TimelineScale::Tick, QRectF>> out;
    const double y = height() - axisHeight() + 8;
    for (const auto &t : ticks) {
        const double x = m_scale.x(t.day);
        out.append({t, QRectF(x + 3, y, fm.horizontalAdvance(t.label), fm.height())});
    }
    return out;
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    layoutItems();

    // Axis and ticks.
    const double axisTop = height() - axisHeight();
    p.fillRect(QRectF(0, axisTop, width(), axisHeight()), pal.color(QPalette::AlternateBase));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(QPointF(0, axisTop), QPointF(width(), axisTop));
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(60);
    for (const auto &[tick, labelRect] : visibleTicks()) {
        const double x = m_scale.x(tick.day);
        p.setPen(grid);
        p.drawLine(QPointF(x, 0), QPointF(x, axisTop));
        p.setPen(pal.color(QPalette::Text));
        p.drawLine(QPointF(x, axisTop), QPointF(x, axisTop + 6));
        p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter, tick.label);
    }

    const qsizetype current = m_selection ? m_selection->currentEvent() : -1;
    const QFontMetricsF fm(font());
    for (const Placed &pl : std::as_const(m_placed)) {
        const Item &it = m_items[pl.item];
        QColor colour = categoryColor(it.category);
        const bool coarse = it.precision != 3 || it.approximate; // not an exact day
        const bool isCurrent = it.event == current;
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
            p.setBrush(g);
            p.drawRoundedRect(s, 3, 3);
            if (it.approximate) {
                QPen dashed(colour.darker(120), 1, Qt::DashLine);
                p.setPen(dashed);
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
            const QRectF badge(s.left() - 4, s.top() - 6, 9, 9);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0xC0, 0x1B, 0x1B));
            p.drawEllipse(badge);
        }
        if (!pl.label.isEmpty()) {
            QFont f = font();
            f.setBold(isCurrent);
            p.setFont(f);
            p.setPen(isCurrent ? pal.color(QPalette::Highlight) : pal.color(QPalette::Text));
            const QString text = QFontMetricsF(f).elidedText(it.title, Qt::ElideRight, pl.label.width());
            p.drawText(pl.label, Qt::AlignLeft | Qt::AlignVCenter, text);
            p.setFont(font());
        }
    }
    if (m_hiddenCount > 0) {
        const QString more = QStringLiteral("+%1 more \u2014 zoom in").arg(m_hiddenCount);
        const QRectF r(width() - fm.horizontalAdvance(more) - 12, axisTop - fm.height() - 4,
                       fm.horizontalAdvance(more) + 8, fm.height());
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(r, Qt::AlignCenter, more);
    }
    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineView::resizeEvent(QResizeEvent *)
{
    const double oldWidth = m_scale.width();
    const double span = m_scale.span();
    m_scale.setWidth(width());
    // Keep the days per pixel, so resizing reveals more time instead of stretching it.
    m_scale.setRange(m_scale.firstDay(), m_scale.firstDay() + span * width() / oldWidth);
    m_layoutDirty = true;
}

void TimelineView::fitAll()
{
    if (m_items.isEmpty()) {
        return;
    }
    double first = m_items.first().first;
    double last = m_items.first().last;
    for (const Item &it : std::as_const(m_items)) {
        first = std::min(first, it.first);
        last = std::max(last, it.last + 1);
    }
    m_scale.setWidth(width());
    m_scale.fit(first, last, 0.03);
    m_layoutDirty = true;
    update();
}

void TimelineView::zoomIn()
{
    m_scale.zoomAround(width() / 2.0, 1.5);
    m_layoutDirty = true;
    update();
}

void TimelineView::zoomOut()
{
    m_scale.zoomAround(width() / 2.0, 1 / 1.5);
    m_layoutDirty = true;
    update();
}

void TimelineView::zoomToSelection()
{
    const int item = currentItem();
    if (item < 0) {
        return;
    }
    const Item &it = m_items[item];
    m_scale.fit(it.first, it.last + 1, 0.5);
    m_layoutDirty = true;
    update();
}

QRectF TimelineView::eventRect(qsizetype eventIndex) const
{
    layoutItems();
    for (const Placed &pl : std::as_const(m_placed)) {
        if (m_items[pl.item].event == eventIndex) {
            return pl.shape;
        }
    }
    return {};
}

int TimelineView::hitTest(QPointF pos) const
{
    layoutItems();
    for (qsizetype i = m_placed.size() - 1; i >= 0; --i) {
        const Placed &pl = m_placed[i];
        if (pl.shape.adjusted(-3, -3, 3, 3).contains(pos) || pl.label.contains(pos)) {
            return pl.item;
        }
    }
    return -1;
}

int TimelineView::currentItem() const
{
    if (!m_selection || m_selection->currentEvent() < 0) {
        return -1;
    }
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items[i].event == m_selection->currentEvent()) {
            return i;
        }
    }
    return -1;
}

void TimelineView::selectItem(int item)
{
    if (m_selection && item >= 0 && item < m_items.size()) {
        m_selection->setCurrentEvent(m_items[item].event);
    }
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPointF delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = delta.y() / 120.0;
        m_scale.zoomAround(event->position().x(), std::pow(1.25, steps));
    } else {
        // Plain wheel and horizontal scroll pan; a 120 step moves a tenth of the width.
        const double d = delta.x() != 0 ? -delta.x() : -delta.y();
        m_scale.pan(d / 120.0 * width() / 10.0);
    }
    m_layoutDirty = true;
    update();
    event->accept();
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
        m_scale.pan(-dx);
        m_dragStart = event->position();
        m_layoutDirty = true;
        update();
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        if (m_dragDistance < 4) {
            const int item = hitTest(event->position());
            if (item >= 0) {
                selectItem(item);
            } else if (m_selection) {
                m_selection->clear();
            }
        }
    }
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int item = hitTest(event->position());
    if (item >= 0) {
        selectItem(item);
        Q_EMIT eventActivated(m_items[item].event);
    }
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const int current = currentItem();
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
        selectItem(current < 0 ? 0 : std::min<int>(current + 1, m_items.size() - 1));
        break;
    case Qt::Key_Left:
    case Qt::Key_Up:
        selectItem(current < 0 ? 0 : std::max(current - 1, 0));
        break;
    case Qt::Key_Home:
        selectItem(0);
        break;
    case Qt::Key_End:
        selectItem(static_cast<int>(m_items.size()) - 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (current >= 0) {
            Q_EMIT eventActivated(m_items[current].event);
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

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int item = hitTest(help->pos());
        if (item >= 0) {
            const Item &it = m_items[item];
            QString tip = it.title + QLatin1Char('\n') + it.date;
            if (!it.actors.isEmpty()) {
                tip += QStringLiteral("\nActors: ") + it.actors;
            }
            tip += QStringLiteral("\nSources: %1").arg(it.sources);
            if (it.disputed) {
                tip += QStringLiteral("\nDisputed: the sources disagree");
            }
            // Case text is untrusted: escape it so the tooltip never interprets it as rich text.
            QToolTip::showText(
                help->globalPos(),
                QStringLiteral("<p style='white-space:pre'>") + tip.toHtmlEscaped() + QStringLiteral("</p>"), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut) {
        update();
    }
    return QWidget::event(event);
}

} // namespace AT
