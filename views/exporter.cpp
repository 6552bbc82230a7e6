#include "exporter.h"

#include "casemodels.h"
#include "casereader.h"
#include "casesession.h"
#include "casewriter.h"
#include "categorycolor.h"
#include "chartbuilder.h"
#include "chartmodel.h"
#include "csvexport.h"
#include "eventtablemodel.h"
#include "plaintext.h"
#include "plural.h"
#include "roles.h"
#include "textoutliner.h"
#include "timelineview.h"

#include <QApplication>
#include <QBuffer>
#include <QChart>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QPainter>
#include <QPdfWriter>
#include <QStyle>
#include <QSvgGenerator>
#include <QTextLayout>

#include <cmath>
#include <limits>

namespace AT {

namespace {
constexpr double Margin = 28;

// Text for an XML text node: markup escaped, and the characters XML 1.0 forbids anywhere
// (control characters other than tab and newlines, unpaired surrogates, U+FFFE/U+FFFF) replaced,
// so that a title can never end the element it is in or make the document ill-formed.
QString xmlText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += c;
            out += text[++i];
            continue;
        }
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D) || c.isSurrogate() || u == 0xFFFE || u == 0xFFFF) {
            out += QChar(QChar::ReplacementCharacter);
        } else {
            out += c;
        }
    }
    return out.toHtmlEscaped();
}

// Exports are for print: always a light palette, whatever the desktop uses.
QPalette printPalette()
{
    QPalette p = QApplication::style()->standardPalette();
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xF3, 0xF3, 0xF3));
    p.setColor(QPalette::Text, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    return p;
}
} // namespace

Exporter::Exporter(CaseSession *session, CaseModels *models)
    : m_session(session)
    , m_ownModels(models ? nullptr : std::make_unique<CaseModels>(session))
    , m_models(models ? models : m_ownModels.get())
{ }

Exporter::~Exporter() = default;

QStringList Exporter::names()
{
    QStringList out {QStringLiteral("timeline")};
    for (ChartModel::Kind k : ChartModel::kinds()) {
        out << ChartModel::exportName(k);
    }
    return out;
}

QString Exporter::formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const char *f : {"png", "svg", "pdf", "csv"}) {
        if (suffix == QLatin1String(f)) {
            return suffix;
        }
    }
    return {};
}

namespace {

// Text placed line by line from measured metrics, top to bottom, and recorded as it is drawn.
class Composer
{
public:
    Composer(QPainter *painter, ExportLayout *record)
        : m_p(painter)
        , m_record(record)
    { }

    // The lines `text` wraps into at `width` (any script: QTextLayout breaks it); with `maxLines`,
    // the last line kept is elided.
    static QStringList wrap(const QString &text, const QFont &font, double width, int maxLines = 0)
    {
        QTextLayout layout(text, font);
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(option);
        layout.beginLayout();
        QStringList lines;
        qsizetype lastStart = 0;
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            if (maxLines > 0 && lines.size() == maxLines - 1) {
                lastStart = line.textStart();
                lines << text.mid(lastStart);
                break;
            }
            lines << text.mid(line.textStart(), line.textLength());
        }
        layout.endLayout();
        for (QString &l : lines) {
            l = l.trimmed();
        }
        if (maxLines > 0 && lines.size() == maxLines) {
            lines.last() = QFontMetricsF(font).elidedText(lines.last(), Qt::ElideRight, width);
        }
        return lines;
    }

    // Draws one line with its top at y; returns its rectangle.
    QRectF line(ExportText::Kind kind, const QString &text, const QFont &font, const QColor &color, QPointF topLeft,
                double width)
    {
        const QFontMetricsF fm(font);
        const QString shown
            = fm.horizontalAdvance(text) > width + 0.5 ? fm.elidedText(text, Qt::ElideRight, width) : text;
        m_p->setFont(font);
        m_p->setPen(color);
        m_p->drawText(QPointF(topLeft.x(), topLeft.y() + fm.ascent()), shown);
        const QRectF rect(topLeft, QSizeF(std::min(fm.horizontalAdvance(shown), width), fm.height()));
        m_record->texts.append({kind, shown, rect});
        m_record->smallestFontPixels = m_record->smallestFontPixels > 0
            ? std::min(m_record->smallestFontPixels, font.pixelSize() * 1.0)
            : font.pixelSize();
        return rect;
    }

    // Draws wrapped text from y down; returns the y below it.
    double block(ExportText::Kind kind, const QString &text, const QFont &font, const QColor &color, double x, double y,
                 double width, int maxLines)
    {
        const double step = QFontMetricsF(font).lineSpacing();
        for (const QString &l : wrap(text, font, width, maxLines)) {
            line(kind, l, font, color, QPointF(x, y), width);
            y += step;
        }
        return y;
    }

    // Entries flowed left to right, onto a new line when the next does not fit; a swatch before an
    // entry when it has a colour. Returns the number of lines used; draws only when `draw`.
    struct Entry
    {
        QString text;
        QColor swatch; // invalid: none
        bool strong = false;
    };
    // Where a flow stands after some entries: the lines used and where the next entry may start.
    struct Cursor
    {
        int lines = 1;
        double at = 0;
    };
    // One more entry of a flow that starts at x, measured as flow() places it, without drawing: so
    // a caller can try entries one at a time instead of measuring the whole flow again for each.
    static void advance(Cursor &cursor, const Entry &e, const QFont &font, double x, double width)
    {
        QFont f = font;
        f.setBold(e.strong);
        const QFontMetricsF fm(font);
        const double lead = e.swatch.isValid() ? fm.height() * 0.75 + fm.height() * 0.3 : 0;
        const double w = std::min(lead + QFontMetricsF(f).horizontalAdvance(e.text), width);
        if (cursor.at > x && cursor.at + w > x + width) {
            cursor.at = x;
            ++cursor.lines;
        }
        cursor.at += w + fm.height();
    }

    int flow(ExportText::Kind kind, const QList<Entry> &entries, const QFont &font, const QColor &color, double x,
             double y, double width, bool draw)
    {
        if (entries.isEmpty()) {
            return 0;
        }
        QFont strongFont = font;
        strongFont.setBold(true);
        const QFontMetricsF fm(font);
        const double gap = fm.height();
        const double swatchWidth = fm.height() * 0.75;
        int lines = 1;
        double at = x;
        for (const Entry &e : entries) {
            const QFont &f = e.strong ? strongFont : font;
            const double lead = e.swatch.isValid() ? swatchWidth + fm.height() * 0.3 : 0;
            const double w = std::min(lead + QFontMetricsF(f).horizontalAdvance(e.text), width);
            if (at > x && at + w > x + width) {
                at = x;
                ++lines;
            }
            if (draw) {
                const double top = y + (lines - 1) * fm.lineSpacing();
                if (e.swatch.isValid()) {
                    m_p->fillRect(QRectF(at, top + fm.height() * 0.2, swatchWidth, fm.height() * 0.6), e.swatch);
                }
                line(kind, e.text, f, color, QPointF(at + lead, top), w - lead);
            }
            at += w + gap;
        }
        return lines;
    }

    void record(ExportText::Kind kind, const QString &text, const QRectF &rect)
    {
        m_record->texts.append({kind, text, rect});
    }

private:
    QPainter *m_p;
    ExportLayout *m_record;
};

QString dayText(double julianDay)
{
    return QDate::fromJulianDay(static_cast<qint64>(std::floor(julianDay))).toString(QStringLiteral("d MMM yyyy"));
}

// A title in quotes, its own closing punctuation inside them and none added after.
QString quoted(const QString &title, bool *endsSentence)
{
    const QString t = title.trimmed();
    *endsSentence = !t.isEmpty() && QStringLiteral(".!?\u2026").contains(t.back());
    return QStringLiteral("\u201c%1\u201d").arg(isolated(t));
}

} // namespace

void Exporter::paint(QPainter &p, const QRectF &area, const QString &name, const ExportOptions &options, bool print)
{
    const Case &kase = m_session->kase();
    const QList<qsizetype> &shown = m_session->visibleEvents();
    const QPalette pal = printPalette();
    m_lastLayout = ExportLayout();
    ExportLayout &out = m_lastLayout;
    out.area = area;
    Composer c(&p, &out);
    p.fillRect(area, Qt::white);

    // Sizes follow the composition, so a 4K export is not a page of small print and a small one
    // keeps its picture; a printed page uses the sizes as they are (12 px = 9 pt at 96 per inch).
    const double f = print ? 1.0 : std::clamp(std::min(area.width() / 1200, area.height() / 675), 0.8, 2.0);
    auto font = [&](double px, bool bold = false) {
        QFont ft = QApplication::font();
        ft.setPixelSize(static_cast<int>(std::lround(px)));
        ft.setBold(bold);
        return ft;
    };
    const QFont titleFont = font(std::max(17.0, 26 * f), true);
    const QFont textFont = font(std::max(12.0, 14 * f));
    const QFont smallFont = font(std::max(11.0, 12 * f));
    const QFontMetricsF smallFm(smallFont);
    const QColor ink(0x20, 0x20, 0x20);
    const QColor grey(0x50, 0x50, 0x50);
    const double margin = std::max(12.0, 28 * f);
    const double gap = smallFm.height() * 0.6;
    const QRectF r = area.adjusted(margin, margin, -margin, -margin);

    const bool timeline = name == QLatin1String("timeline");
    int chartIndex = -1;
    const QList<ChartModel *> &charts = m_models->charts();
    for (int i = 0; i < charts.size(); ++i) {
        if (ChartModel::exportName(charts[i]->kind()) == name) {
            chartIndex = i;
        }
    }

    // What is shown, in words.
    QString scope = shown.size() == kase.events.size()
        ? QStringLiteral("%1 events").arg(shown.size())
        : QStringLiteral("%1 of the case\u2019s %2 events").arg(shown.size()).arg(kase.events.size());
    const EventFilter &filter = m_session->selection()->filter();
    if (!filter.text.isEmpty()) {
        scope += QStringLiteral(" matching \u201c%1\u201d").arg(isolated(filter.text));
    }
    if (!filter.actors.isEmpty()) {
        QStringList names;
        for (const QString &id : filter.actors) {
            const Actor *a = kase.actor(id);
            names << isolated(a ? a->name : id);
        }
        names.sort();
        scope += QStringLiteral(" involving ") + names.join(QStringLiteral(", "));
    }
    if (filter.disputedOnly) {
        scope += QStringLiteral(", disputed only");
    }
    if (!timeline && charts[chartIndex]->kind() == ChartModel::Kind::ClaimsByAttributor) {
        // That chart counts claims, not events: say how many it counts.
        const ChartModel *model = charts[chartIndex];
        double claims = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                claims += model->index(row, column).data().toDouble();
            }
        }
        scope += QStringLiteral(": ") + countOf(qRound64(claims), QStringLiteral("claim"), QStringLiteral("claims"));
    }
    if (!timeline) {
        scope += QStringLiteral(" \u00b7 ") + isolated(kase.title);
    }

    // The credit line: the sources behind what is shown, marked by number in one pass (by rank, so
    // the arrays are read front to back).
    QList<bool> isCited(kase.sources.size(), false);
    for (qsizetype rank : m_session->visibleRanks()) {
        for (qint32 s : m_session->index().sourcesAt(rank)) {
            isCited[s] = true;
        }
    }
    QList<int> cited;
    for (int s = 0; s < isCited.size(); ++s) {
        if (isCited[s]) {
            cited << s;
        }
    }
    auto creditText = [&](qsizetype named) -> QString {
        if (!options.credit.isEmpty()) {
            return options.credit;
        }
        if (cited.isEmpty()) {
            return QStringLiteral("Sources: none. Made with Attribution Timeline.");
        }
        qsizetype withoutPublisher = 0;
        for (int s : cited) {
            withoutPublisher += kase.sources[s].publisher.isEmpty() ? 1 : 0;
        }
        QString text = QStringLiteral("Sources");
        if (withoutPublisher == cited.size()) {
            text += cited.size() == 1 ? QStringLiteral(" (publisher not given)")
                                      : QStringLiteral(" (publishers not given)");
        } else if (withoutPublisher > 0) {
            text += QStringLiteral(" (publisher not given for %1)").arg(withoutPublisher);
        }
        text += QStringLiteral(": ");
        bool endsSentence = false;
        for (qsizetype i = 0; i < std::min(named, cited.size()); ++i) {
            const Source &src = kase.sources[cited[i]];
            if (i > 0) {
                text += QStringLiteral("; ");
            }
            text += quoted(displayTitle(src), &endsSentence);
            if (!src.publisher.isEmpty()) {
                text += QStringLiteral(", ") + isolated(src.publisher);
                endsSentence = false;
            }
            if (src.published.isValid()) {
                text += QStringLiteral(", ") + src.published.toDisplayString();
                endsSentence = false;
            }
        }
        if (named < cited.size()) {
            text += QStringLiteral("; and %1 more sources (listed in the case file)").arg(cited.size() - named);
            endsSentence = false;
        }
        return text + (endsSentence ? QStringLiteral(" ") : QStringLiteral(". "))
            + QStringLiteral("Made with Attribution Timeline.");
    };
    // Optional text shrinks before the picture does: at most a few lines of credit.
    const int maxCreditLines = std::clamp(static_cast<int>(area.height() * 0.08 / smallFm.lineSpacing()), 1, 4);
    qsizetype named = std::min<qsizetype>(cited.size(), 12);
    QString credit = creditText(named);
    while (named > 1 && Composer::wrap(credit, smallFont, r.width()).size() > maxCreditLines) {
        credit = creditText(--named);
    }
    out.credit = credit;
    const QStringList creditLines = Composer::wrap(credit, smallFont, r.width(), maxCreditLines);
    const double creditHeight = creditLines.size() * smallFm.lineSpacing();

    // Top to bottom: title, subtitle, key and legend.
    const QString title = !options.title.isEmpty() ? options.title
        : timeline                                 ? kase.title
                                                   : ChartModel::title(charts[chartIndex]->kind());
    double y = c.block(ExportText::Kind::Title, title, titleFont, ink, r.left(), r.top(), r.width(), 2);
    y += gap * 0.5;
    // The subtitle is written once the timeline is laid out; its room is measured now, with the
    // longest it can be.
    const QString longestNote
        = QStringLiteral("; %1 drawn with their titles, the other %1 below: no room at this size").arg(shown.size());
    const QString subtitleProbe = !options.subtitle.isEmpty() ? options.subtitle : scope + longestNote;
    const int subtitleLines = static_cast<int>(Composer::wrap(subtitleProbe, textFont, r.width(), 2).size());
    const double subtitleTop = y;
    y += subtitleLines * QFontMetricsF(textFont).lineSpacing() + gap;

    QRectF plot;
    const double bottom = r.bottom() - creditHeight - gap;
    if (!timeline) {
        plot = QRectF(r.left(), y, r.width(), std::max(1.0, bottom - y));
        out.plot = plot;
        c.block(ExportText::Kind::Subtitle, options.subtitle.isEmpty() ? scope : options.subtitle, textFont, ink,
                r.left(), subtitleTop, r.width(), subtitleLines);
        out.subtitle = options.subtitle.isEmpty() ? scope : options.subtitle;
        for (qsizetype e : shown) {
            out.drawn << e; // a chart counts every event shown
        }
        // A chart, through a scene: vector all the way for SVG and PDF.
        ChartModel *model = charts[chartIndex];
        std::unique_ptr<QChart> chart(buildChart(model, static_cast<int>(model->kind()), QString(), textFont));
        chart->setBackgroundVisible(false);
        QGraphicsScene scene;
        scene.addItem(chart.get());
        chart->setGeometry(QRectF(QPointF(0, 0), plot.size()));
        scene.setSceneRect(QRectF(QPointF(0, 0), plot.size()));
        scene.render(&p, plot, QRectF(QPointF(0, 0), plot.size()));
        scene.removeItem(chart.get());
        if (shown.isEmpty()) {
            c.line(ExportText::Kind::Plot, QStringLiteral("No events match the filter."), textFont, grey,
                   QPointF(plot.left() + gap, plot.top() + gap), plot.width() - 2 * gap);
        }
    } else {
        // Key: the shapes, then the categories of the events shown in the timeline's colours,
        // entry by entry onto new lines.
        // The key is drawn once the timeline is laid out (it names the compressed axis's wide days
        // only when there are some); its room is reserved now, for its longest form.
        QList<Composer::Entry> key = {
            {QStringLiteral("\u25C6 exact day"), {}, false},
            {QStringLiteral("\u25AC range or month/year precision (faded)"), {}, false},
            {QStringLiteral("fading end: start or end not known"), {}, false},
            {QStringLiteral("\u25CF red: sources disagree"), {}, false},
        };
        const Composer::Entry wideDayEntry {
            QStringLiteral("shaded axis band: one day drawn wide, its events side by side (not in time order)"),
            {},
            false};
        const double keyTop = y;
        y += c.flow(ExportText::Kind::Key, QList<Composer::Entry>(key) << wideDayEntry, smallFont, ink, r.left(), y,
                    r.width(), false)
            * smallFm.lineSpacing();
        const CaseIndex &index = m_session->index();
        QList<bool> used(index.categories().size(), false);
        for (qsizetype rank : m_session->visibleRanks()) {
            used[index.timelineAt(rank).category] = true;
        }
        QStringList categories;
        for (qsizetype k = 0; k < used.size(); ++k) {
            if (used[k]) {
                categories << index.categories()[k];
            }
        }
        categories.sort();
        const CategoryColors colors(index.categories()); // the whole case's, as the timeline's
        QList<Composer::Entry> legend;
        for (const QString &category : categories) {
            legend.append({category, colors.color(category), false});
        }
        y += c.flow(ExportText::Kind::Legend, legend, smallFont, ink, r.left(), y, r.width(), true)
            * smallFm.lineSpacing();
        y += gap;

        // The timeline, then what it could not draw. The block takes room from the timeline, which
        // may then draw fewer events, so the two are laid out until the block has the lines it needs
        // (it never grows beyond a quarter of the composition: what does not fit is counted).
        const TimelineRows rows = m_models->events()->data(QModelIndex(), TimelineRowsRole).value<TimelineRows>();
        TimelineView view;
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.setPalette(pal);
        view.setFont(textFont);
        view.setAxisMode(options.axis);
        view.setModel(m_models->events());
        const bool window = options.visibleWindowOnly && options.windowEnd > options.windowStart;
        // The block never takes the timeline below a third of the composition's height (or what is
        // left), nor more than a quarter of it; it always has two lines, for its heading and count.
        const double minPlot = std::min(bottom - y, std::max(100.0, area.height() / 3));
        const int maxBlockLines = std::max(
            2, static_cast<int>(std::min(area.height() * 0.25, bottom - y - minPlot - gap) / smallFm.lineSpacing()));
        int blockLines = 0;
        QList<qsizetype> notDrawn; // rows
        QList<Composer::Entry> block;
        const QString heading
            = QStringLiteral("Not drawn, or drawn without a label, at this size (the grey +N counts those not drawn):");
        auto entry = [&](qsizetype row) {
            const Event &ev = kase.events[rows[row].event];
            // A whole line at most: a title cut to a few words names nothing.
            const QString t = smallFm.elidedText(isolated(ev.title), Qt::ElideRight, r.width() * 0.8);
            return Composer::Entry {ev.date.toDisplayString() + QStringLiteral(": ") + t, {}, false};
        };
        QList<double> lastFrom; // per entry of notDrawn: the latest day of it and all after it
        auto tail = [&](qsizetype from) {
            const TimelineItem &first = rows[notDrawn[from]];
            const double last = lastFrom[from];
            return Composer::Entry {QStringLiteral("and %1 more between %2 and %3")
                                        .arg(notDrawn.size() - from)
                                        .arg(dayText(first.first), dayText(last)),
                                    {},
                                    false};
        };
        // The entries that fit in `lines`: as many listed as fit, the rest counted.
        // Measured entry by entry (a cursor per entry), so a long list costs one measurement each.
        auto fit = [&](int lines, qsizetype *listedCount) {
            QList<Composer::Entry> entries {{heading, {}, true}};
            QList<Composer::Cursor> cursors {Composer::Cursor {1, r.left()}};
            Composer::advance(cursors.last(), entries.first(), smallFont, r.left(), r.width());
            qsizetype n = 0;
            for (; n < notDrawn.size(); ++n) {
                Composer::Cursor next = cursors.last();
                const Composer::Entry e = entry(notDrawn[n]);
                Composer::advance(next, e, smallFont, r.left(), r.width());
                if (next.lines > lines) {
                    break;
                }
                entries << e;
                cursors << next;
            }
            while (n < notDrawn.size() && n > 0) {
                Composer::Cursor withTail = cursors[n];
                const Composer::Entry t = tail(n);
                Composer::advance(withTail, t, smallFont, r.left(), r.width());
                if (withTail.lines <= lines) {
                    entries << t;
                    break;
                }
                entries.removeLast();
                --n;
            }
            if (n == 0 && !notDrawn.isEmpty()) {
                entries << tail(0);
            }
            *listedCount = n;
            return entries;
        };
        for (;;) {
            const double blockHeight = blockLines > 0 ? blockLines * smallFm.lineSpacing() + gap : 0;
            plot = QRectF(QPointF(std::round(r.left()), std::round(y)),
                          QSizeF(std::round(r.width()), std::max(40.0, std::floor(bottom - blockHeight - y))));
            view.resize(plot.size().toSize());
            if (window) {
                view.showRange(options.windowStart, options.windowEnd);
            } else {
                view.fitAll();
            }
            const TimelineLayout &layout = view.layout();
            QList<bool> placed(rows.count(), false);
            // An event counts as drawn only with its label: a mark nobody can name is listed too.
            for (const TimelineLayout::Placed &pl : layout.placed()) {
                placed[pl.item] = placed[pl.item] || !pl.label.isEmpty();
            }
            notDrawn.clear();
            out.drawn.clear();
            out.outsideWindow.clear();
            for (qsizetype row = 0; row < rows.count(); ++row) {
                const TimelineItem &it = rows[row];
                if (placed[row]) {
                    out.drawn << it.event;
                } else if (window && (it.last < options.windowStart || it.first > options.windowEnd)) {
                    out.outsideWindow << it.event;
                } else {
                    notDrawn << row;
                }
            }
            lastFrom.resize(notDrawn.size());
            double latest = -std::numeric_limits<double>::infinity();
            for (qsizetype i = notDrawn.size() - 1; i >= 0; --i) {
                latest = std::max(latest, rows[notDrawn[i]].last);
                lastFrom[i] = latest;
            }
            qsizetype listedCount = 0;
            const int need = notDrawn.isEmpty()
                ? 0
                : std::min(maxBlockLines,
                           c.flow(ExportText::Kind::NotDrawn, fit(maxBlockLines, &listedCount), smallFont, ink,
                                  r.left(), 0, r.width(), false));
            if (need <= blockLines) {
                block = notDrawn.isEmpty() ? QList<Composer::Entry>() : fit(blockLines, &listedCount);
                for (qsizetype i = 0; i < notDrawn.size(); ++i) {
                    (i < listedCount ? out.listed : out.counted) << rows[notDrawn[i]].event;
                }
                break;
            }
            blockLines = need;
        }
        out.plot = plot;
        view.render(&p, plot.topLeft().toPoint(), QRegion(), QWidget::DrawChildren);
        const TimelineLayout &layout = view.layout();
        for (const TimelineLayout::Placed &pl : layout.placed()) {
            if (!pl.label.isEmpty()) {
                c.record(ExportText::Kind::Plot, rows.title(rows[pl.item]), pl.label.translated(plot.topLeft()));
            }
        }
        for (const auto &[tick, rect] : view.visibleTicks()) {
            // Clipped as the view clips them: only what is visible is on the image.
            const QRectF visible = rect.translated(plot.topLeft()).intersected(plot);
            if (!visible.isEmpty()) {
                c.record(ExportText::Kind::Plot, tick.label, visible);
            }
        }
        for (const TimelineLayout::Cluster &cl : layout.clusters()) {
            const QRectF visible = cl.rect.translated(plot.topLeft()).intersected(plot);
            if (!visible.isEmpty()) {
                c.record(ExportText::Kind::Plot, QStringLiteral("+%1").arg(cl.count), visible);
            }
        }
        c.flow(ExportText::Kind::NotDrawn, block, smallFont, ink, r.left(), plot.bottom() + gap, r.width(), true);
        if (const TimelineWarp *warp = layout.scale().warp()) {
            for (double d : warp->wideDays()) {
                if (layout.toX(d + 1) > 0 && layout.toX(d) < plot.width() && layout.toX(d + 1) - layout.toX(d) >= 6) {
                    key << wideDayEntry;
                    break;
                }
            }
        }
        c.flow(ExportText::Kind::Key, key, smallFont, ink, r.left(), keyTop, r.width(), true);
        if (shown.isEmpty()) {
            c.line(ExportText::Kind::Plot, QStringLiteral("No events match the filter."), textFont, grey,
                   QPointF(plot.left() + gap, plot.top() + gap), plot.width() - 2 * gap);
        }

        QString note;
        if (!notDrawn.isEmpty()) {
            note = QStringLiteral("; %1 drawn with their titles, the other %2 below: no room at this size")
                       .arg(out.drawn.size())
                       .arg(notDrawn.size());
        }
        if (!out.outsideWindow.isEmpty()) {
            note += QStringLiteral("; %1 outside the period shown").arg(out.outsideWindow.size());
        }
        out.subtitle = options.subtitle.isEmpty() ? scope + note : options.subtitle;
        c.block(ExportText::Kind::Subtitle, out.subtitle, textFont, ink, r.left(), subtitleTop, r.width(),
                subtitleLines);
    }

    double creditY = r.bottom() - creditHeight;
    for (const QString &l : creditLines) {
        c.line(ExportText::Kind::Credit, l, smallFont, grey, QPointF(r.left(), creditY), r.width());
        creditY += smallFm.lineSpacing();
    }
}

QImage Exporter::renderImage(const QString &name, const ExportOptions &options)
{
    // Opaque: the export has a white background, and without an alpha channel it encodes faster.
    QImage image(options.size * options.scale, QImage::Format_RGB32);
    // QPainter ignores a device pixel ratio below 1 (the drawing would be cut, not shrunk): a
    // smaller image is drawn through a scaled painter instead.
    const bool shrink = options.scale < 1;
    image.setDevicePixelRatio(shrink ? 1 : options.scale);
    image.fill(Qt::white);
    QPainter p(&image);
    if (shrink) {
        p.scale(options.scale, options.scale);
    }
    p.setRenderHint(QPainter::Antialiasing);
    paint(p, QRectF(QPointF(0, 0), QSizeF(options.size)), name, options, false);
    return image;
}

QByteArray Exporter::render(const QString &name, const QString &format, const ExportOptions &options, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error) {
            *error = message;
        }
        return QByteArray();
    };
    if (!names().contains(name)) {
        return fail(QStringLiteral("there is no export named \"%1\"; choose one of: %2")
                        .arg(name, names().join(QStringLiteral(", "))));
    }
    if (options.size.width() < 200 || options.size.height() < 150 || options.size.width() > 20000
        || options.size.height() > 20000) {
        return fail(QStringLiteral("the size %1x%2 is out of range (200x150 to 20000x20000)")
                        .arg(options.size.width())
                        .arg(options.size.height()));
    }
    // Written so that NaN fails too.
    if (!(options.scale >= 0.25 && options.scale <= 8)) {
        return fail(QStringLiteral("the scale %1 is out of range (0.25 to 8)").arg(options.scale));
    }
    if (format == QLatin1String("png")) {
        // Refused before anything is allocated: an image of w×h pixels needs 7 bytes a pixel
        // while it is drawn and encoded (32-bit canvas plus 24-bit copy).
        const double pixels
            = std::ceil(options.size.width() * options.scale) * std::ceil(options.size.height() * options.scale);
        if (pixels > MaxRasterPixels) {
            return fail(QStringLiteral("%1x%2 at scale %3 is %4 megapixels; PNG exports are limited to %5 "
                                       "megapixels (about %6 MB of memory): choose a smaller size or scale, or "
                                       "export SVG or PDF, which have no pixel limit")
                            .arg(options.size.width())
                            .arg(options.size.height())
                            .arg(options.scale)
                            .arg(pixels / 1e6, 0, 'f', 1)
                            .arg(MaxRasterPixels / 1'000'000)
                            .arg(MaxRasterPixels * 7 / 1'000'000));
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (format == QLatin1String("csv")) {
        // The timeline's rows are the events shown; a chart's are its bars, with the numbers drawn.
        for (ChartModel *chart : m_models->charts()) {
            if (ChartModel::exportName(chart->kind()) == name) {
                return chartToCsv(*chart, ChartModel::rowName(chart->kind()), ChartModel::valuesAreDays(chart->kind()));
            }
        }
        return eventsToCsv(m_session->index(), m_session->visibleEvents());
    }
    if (format == QLatin1String("png")) {
        // Three bytes a pixel (no alpha) and light compression: measured on a 4K export,
        // encoding an 8-megapixel export took 232 ms this way against 409 ms from 32-bit pixels.
        const QImage image = renderImage(name, options).convertToFormat(QImage::Format_RGB888);
        if (!image.save(&buffer, "PNG", 80)) {
            return fail(QStringLiteral("the image could not be encoded as PNG"));
        }
        return bytes;
    }
    if (format == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(options.size);
        svg.setViewBox(QRect(QPoint(0, 0), options.size));
        // QSvgGenerator writes the title and description as they are, so they are escaped here.
        svg.setTitle(xmlText(m_session->kase().title));
        svg.setDescription(QStringLiteral("Exported by Attribution Timeline"));
        QPainter target(&svg);
        // Text as outlines: the file looks the same without our fonts, and no painted case text is
        // in it (the escaped <title> above is the only case text the file holds).
        TextOutliner outliner(&target, options.textObserver, options.textBoxObserver);
        QPainter p(&outliner);
        paint(p, QRectF(QPointF(0, 0), QSizeF(options.size)), name, options, false);
        p.end();
        target.end();
        return bytes;
    }
    if (format == QLatin1String("pdf")) {
        QPdfWriter pdf(&buffer);
        pdf.setPageSize(options.pageSize);
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        // Laid out on the page at PdfPixelsPerInch, text and shapes in vectors.
        pdf.setResolution(PdfPixelsPerInch);
        pdf.setTitle(m_session->kase().title);
        pdf.setCreator(QStringLiteral("Attribution Timeline"));
        QPainter p(&pdf);
        p.setRenderHint(QPainter::Antialiasing);
        paint(p, QRectF(0, 0, pdf.width(), pdf.height()), name, options, true);
        p.end();
        return bytes;
    }
    return fail(QStringLiteral("unknown format \"%1\"; use .png, .svg, .pdf or .csv").arg(format));
}

bool Exporter::exportTo(const QString &name, const QString &path, const ExportOptions &options, QString *error)
{
    const QString format = formatOf(path);
    if (format.isEmpty()) {
        if (error) {
            *error = QStringLiteral("%1: unknown file type; name it .png, .svg, .pdf or .csv").arg(path);
        }
        return false;
    }
    QString why;
    const QByteArray bytes = render(name, format, options, &why);
    if (bytes.isEmpty()) {
        if (error) {
            *error = path + QStringLiteral(": ") + why;
        }
        return false;
    }
    return writeFileAtomically(path, bytes, error);
}

} // namespace AT
