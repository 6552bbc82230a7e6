#include "timelinelegend.h"

#include "casesession.h"
#include "categorycolor.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QResizeEvent>

namespace AT {

namespace {
constexpr double Swatch = 22; // the mark's width
constexpr double Gap = 5; // between mark and text
constexpr double Spacing = 14; // between entries
constexpr double Margin = 4;
// The red of the timeline's "sources disagree" badge (TimelinePainter).
const QColor DisputedRed(0xC0, 0x1B, 0x1B);
const QColor MarkGrey(0x60, 0x60, 0x60);
} // namespace

TimelineLegend::TimelineLegend(CaseSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setAccessibleName(QStringLiteral("Timeline legend"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    connect(session, &CaseSession::caseChanged, this, &TimelineLegend::rebuild);
    rebuild();
}

void TimelineLegend::rebuild()
{
    m_entries.clear();
    if (m_session) {
        // The case's categories, coloured as the timeline colours them.
        const QStringList categories = m_session->index().categories();
        const CategoryColors colors(categories);
        for (const QString &c : colors.categories()) {
            m_entries.append({Mark::Category, c, colors.color(c)});
        }
    }
    m_entries.append({Mark::ExactDay, QStringLiteral("exact day"), MarkGrey});
    m_entries.append({Mark::Range, QStringLiteral("date range"), MarkGrey});
    m_entries.append({Mark::CoarseDate, QStringLiteral("month or year only"), MarkGrey});
    m_entries.append({Mark::OpenEnded, QStringLiteral("open-ended"), MarkGrey});
    m_entries.append({Mark::Disputed, QStringLiteral("sources disagree"), DisputedRed});
    // The band the compressed axis draws under a busy day (TimelinePainter): one day, widened.
    m_entries.append({Mark::WideDay, QStringLiteral("shaded axis: one day drawn wide (compressed axis)"),
                      palette().color(QPalette::Highlight)});
    QStringList words;
    for (const Entry &e : std::as_const(m_entries)) {
        words << e.text;
    }
    setAccessibleDescription(words.join(QStringLiteral(", ")));
    fitHeight();
    update();
}

QList<QRectF> TimelineLegend::placeEntries(int width, int *height) const
{
    const QFontMetricsF fm(font());
    const double line = std::max(fm.height(), 12.0) + 2;
    QList<QRectF> out;
    double x = Margin;
    double y = Margin;
    for (const Entry &e : m_entries) {
        const double w = Swatch + Gap + fm.horizontalAdvance(e.text);
        if (x > Margin && x + w > width - Margin) {
            x = Margin;
            y += line;
        }
        out.append(QRectF(x, y, w, line));
        x += w + Spacing;
    }
    if (height) {
        *height = static_cast<int>(std::ceil(y + line + Margin));
    }
    return out;
}

int TimelineLegend::heightForWidth(int width) const
{
    int h = 0;
    placeEntries(width, &h);
    return h;
}

QSize TimelineLegend::sizeHint() const
{
    const int w = std::max(width(), 400);
    return {w, heightForWidth(w)};
}

QSize TimelineLegend::minimumSizeHint() const
{
    return {100, heightForWidth(std::max(width(), 100))};
}

void TimelineLegend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        fitHeight();
    }
    QWidget::changeEvent(event);
}

void TimelineLegend::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) {
        fitHeight();
    }
}

void TimelineLegend::fitHeight()
{
    // A fixed height for the lines this width needs: the pane's layout then takes the room from
    // the timeline above. (A splitter pane does not grow when only its minimum does, so the
    // height-for-width policy alone left the last line cut in a narrow window.)
    const int h = heightForWidth(std::max(width(), 100));
    if (h != minimumHeight() || h != maximumHeight()) {
        setFixedHeight(h);
    }
    updateGeometry();
}

void TimelineLegend::paintEvent(QPaintEvent *)
{
    const QList<QRectF> rects = placeEntries(width(), nullptr);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries[i];
        const QRectF r = rects[i];
        const double cy = r.center().y();
        const QRectF mark(r.left(), cy - 4, Swatch, 8);
        QColor solid = e.color;
        switch (e.mark) {
        case Mark::Category:
            solid.setAlpha(220);
            p.setPen(Qt::NoPen);
            p.setBrush(solid);
            p.drawRoundedRect(QRectF(r.left() + 4, cy - 6, 14, 12), 3, 3);
            break;
        case Mark::ExactDay: {
            QPainterPath diamond;
            const QPointF c(mark.center());
            diamond.moveTo(c.x(), c.y() - 6);
            diamond.lineTo(c.x() + 6, c.y());
            diamond.lineTo(c.x(), c.y() + 6);
            diamond.lineTo(c.x() - 6, c.y());
            diamond.closeSubpath();
            p.setPen(QPen(e.color.darker(130), 1));
            p.setBrush(e.color);
            p.drawPath(diamond);
            break;
        }
        case Mark::Range:
            solid.setAlpha(220);
            p.setPen(Qt::NoPen);
            p.setBrush(solid);
            p.drawRoundedRect(mark, 3, 3);
            break;
        case Mark::CoarseDate:
            solid.setAlpha(90);
            p.setPen(Qt::NoPen);
            p.setBrush(solid);
            p.drawRoundedRect(mark, 3, 3);
            break;
        case Mark::OpenEnded: {
            solid.setAlpha(170);
            QColor clear = e.color;
            clear.setAlpha(0);
            QLinearGradient g(mark.topLeft(), mark.topRight());
            g.setColorAt(0, solid);
            g.setColorAt(0.45, solid);
            g.setColorAt(1, clear);
            p.setPen(Qt::NoPen);
            p.setBrush(g);
            p.drawRoundedRect(mark, 3, 3);
            break;
        }
        case Mark::Disputed:
            p.setPen(Qt::NoPen);
            p.setBrush(e.color);
            p.drawEllipse(QRectF(mark.center().x() - 4.5, cy - 4.5, 9, 9));
            break;
        case Mark::WideDay: {
            QColor band = e.color;
            band.setAlpha(45);
            p.fillRect(mark.adjusted(0, -2, 0, 2), band);
            p.setPen(palette().color(QPalette::WindowText));
            p.drawLine(mark.topLeft() + QPointF(0, -2), mark.bottomLeft() + QPointF(0, 2));
            p.drawLine(mark.topRight() + QPointF(0, -2), mark.bottomRight() + QPointF(0, 2));
            break;
        }
        }
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRectF(r.left() + Swatch + Gap, r.top(), r.width() - Swatch - Gap, r.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, e.text);
    }
}

} // namespace AT
