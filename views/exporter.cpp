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

#include <cmath>

namespace AT {

namespace {
constexpr double Margin = 28;

// Case text set inside a line of our own words: isolated, so that a right-to-left title or name
// neither reorders the punctuation around it nor is reordered by it (Unicode bidi isolates).
QString isolated(const QString &text)
{
    // The text's own explicit bidi controls go: a stray U+2069 would close our isolate early and an
    // override after it would reorder our words. Marks (U+200E, U+200F) stay; they are local.
    QString inner = text;
    inner.removeIf([](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
    });
    return QChar(0x2068) + inner + QChar(0x2069);
}

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

void Exporter::paint(QPainter &p, const QRectF &area, const QString &name, const ExportOptions &options)
{
    const Case &kase = m_session->kase();
    const QList<qsizetype> &shown = m_session->visibleEvents();
    const QPalette pal = printPalette();
    p.fillRect(area, Qt::white);
    QFont titleFont = QApplication::font();
    titleFont.setPixelSize(26);
    titleFont.setBold(true);
    QFont textFont = QApplication::font();
    textFont.setPixelSize(14);
    QFont smallFont = QApplication::font();
    smallFont.setPixelSize(12);

    // Title and what is shown.
    QRectF r = area.adjusted(Margin, Margin, -Margin, -Margin);
    const bool timeline = name == QLatin1String("timeline");
    int chartIndex = -1;
    const QList<ChartModel *> &charts = m_models->charts();
    for (int i = 0; i < charts.size(); ++i) {
        if (ChartModel::exportName(charts[i]->kind()) == name) {
            chartIndex = i;
        }
    }
    p.setPen(QColor(0x20, 0x20, 0x20));
    p.setFont(titleFont);
    const QString title = timeline ? kase.title : ChartModel::title(charts[chartIndex]->kind());
    const QRectF titleRect = p.boundingRect(r, Qt::AlignLeft | Qt::TextWordWrap, title);
    p.drawText(titleRect, Qt::AlignLeft | Qt::TextWordWrap, title);
    r.setTop(titleRect.bottom() + 4);
    p.setFont(textFont);
    QString subtitle = QStringLiteral("%1 of %2 events").arg(shown.size()).arg(kase.events.size());
    const EventFilter &f = m_session->selection()->filter();
    if (!f.text.isEmpty()) {
        subtitle += QStringLiteral(" matching \u201c%1\u201d").arg(isolated(f.text));
    }
    if (!f.actors.isEmpty()) {
        QStringList names;
        for (const QString &id : f.actors) {
            const Actor *a = kase.actor(id);
            names << isolated(a ? a->name : id);
        }
        names.sort();
        subtitle += QStringLiteral(" involving ") + names.join(QStringLiteral(", "));
    }
    if (f.disputedOnly) {
        subtitle += QStringLiteral(", disputed only");
    }
    if (!timeline) {
        subtitle += QStringLiteral(" \u00b7 ") + isolated(kase.title);
    }
    const QRectF subRect = p.boundingRect(r, Qt::AlignLeft | Qt::TextWordWrap, subtitle);
    p.drawText(subRect, Qt::AlignLeft | Qt::TextWordWrap, subtitle);
    r.setTop(subRect.bottom() + 12);

    // Credit line: the sources behind what is shown.
    // Marked by number in one pass, so a million events cost milliseconds.
    // By rank, so the arrays are read front to back.
    QList<bool> isCited(kase.sources.size(), false);
    for (qsizetype r : m_session->visibleRanks()) {
        for (qint32 s : m_session->index().sourcesAt(r)) {
            isCited[s] = true;
        }
    }
    QList<int> cited;
    for (int s = 0; s < isCited.size(); ++s) {
        if (isCited[s]) {
            cited << s;
        }
    }
    // A long list would bury the picture: name the first ones and count the rest.
    constexpr int MaxCredited = 12;
    QStringList credits;
    for (int s : cited.first(std::min<qsizetype>(cited.size(), MaxCredited))) {
        const Source &src = kase.sources[s];
        QString c = QStringLiteral("\u201c%1\u201d").arg(isolated(src.title));
        if (!src.publisher.isEmpty()) {
            c += QStringLiteral(", ") + isolated(src.publisher);
        }
        if (src.published.isValid()) {
            c += QStringLiteral(", ") + src.published.toDisplayString();
        }
        credits << c;
    }
    if (cited.size() > MaxCredited) {
        credits << QStringLiteral("and %1 more (listed in the case file)").arg(cited.size() - MaxCredited);
    }
    const QString credit = QStringLiteral("Sources: ")
        + (credits.isEmpty() ? QStringLiteral("none") : credits.join(QStringLiteral("; ")))
        + QStringLiteral(". Made with Attribution Timeline.");
    p.setFont(smallFont);
    const QRectF creditRect
        = p.boundingRect(QRectF(r.left(), 0, r.width(), area.height()), Qt::AlignLeft | Qt::TextWordWrap, credit);
    const QRectF creditAt(r.left(), r.bottom() - creditRect.height(), r.width(), creditRect.height());
    p.setPen(QColor(0x50, 0x50, 0x50));
    p.drawText(creditAt, Qt::AlignLeft | Qt::TextWordWrap, credit);
    r.setBottom(creditAt.top() - 10);

    if (timeline) {
        // Legend: the categories of the events shown, in the timeline's colours.
        const CaseIndex &index = m_session->index();
        QList<bool> used(index.categories().size(), false);
        for (qsizetype r : m_session->visibleRanks()) {
            used[index.timelineAt(r).category] = true;
        }
        QStringList categories;
        for (qsizetype c = 0; c < used.size(); ++c) {
            if (used[c]) {
                categories << index.categories()[c];
            }
        }
        categories.sort();
        const CategoryColors colors(index.categories()); // the whole case's, as the timeline's
        const QFontMetricsF fm(smallFont);
        double x = r.left();
        double y = r.bottom() - fm.height();
        const double legendTop = y;
        for (const QString &c : categories) {
            const double w = 14 + fm.horizontalAdvance(c) + 18;
            if (x + w > r.right()) {
                x = r.left();
                y -= fm.height() + 4;
            }
            p.fillRect(QRectF(x, y + 2, 10, fm.height() - 4), colors.color(c));
            p.setPen(QColor(0x20, 0x20, 0x20));
            p.drawText(QRectF(x + 14, y, w, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, c);
            x += w;
        }
        const QString key = QStringLiteral(
            "\u25C6 exact day   \u25AC range or month/year precision (faded)   \u25CF red: sources disagree");
        p.drawText(QRectF(r.left(), legendTop - fm.height() - 4, r.width(), fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, key);
        r.setBottom(std::min(y, legendTop - fm.height() - 4) - 8);

        TimelineView view;
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.setPalette(pal);
        view.setFont(textFont);
        view.resize(r.size().toSize());
        view.setAxisMode(options.axis);
        view.setModel(m_models->events());
        if (options.visibleWindowOnly && options.windowEnd > options.windowStart) {
            view.showRange(options.windowStart, options.windowEnd);
        } else {
            view.fitAll();
        }
        view.render(&p, r.topLeft().toPoint(), QRegion(), QWidget::DrawChildren);
        return;
    }

    // A chart, through a scene: vector all the way for SVG and PDF.
    ChartModel *model = charts[chartIndex];
    std::unique_ptr<QChart> chart(buildChart(model, static_cast<int>(model->kind()), QString()));
    chart->setBackgroundVisible(false);
    QGraphicsScene scene;
    scene.addItem(chart.get());
    chart->setGeometry(QRectF(QPointF(0, 0), r.size()));
    scene.setSceneRect(QRectF(QPointF(0, 0), r.size()));
    scene.render(&p, r, QRectF(QPointF(0, 0), r.size()));
    scene.removeItem(chart.get());
}

QImage Exporter::renderImage(const QString &name, const ExportOptions &options)
{
    // Opaque: the export has a white background, and without an alpha channel it encodes faster.
    QImage image(options.size * options.scale, QImage::Format_RGB32);
    image.setDevicePixelRatio(options.scale);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    paint(p, QRectF(QPointF(0, 0), QSizeF(options.size)), name, options);
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
        TextOutliner outliner(&target, options.textObserver);
        QPainter p(&outliner);
        paint(p, QRectF(QPointF(0, 0), QSizeF(options.size)), name, options);
        p.end();
        target.end();
        return bytes;
    }
    if (format == QLatin1String("pdf")) {
        QPdfWriter pdf(&buffer);
        pdf.setPageSize(options.pageSize);
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(300);
        pdf.setTitle(m_session->kase().title);
        pdf.setCreator(QStringLiteral("Attribution Timeline"));
        QPainter p(&pdf);
        // Lay out at the requested width in logical pixels and scale to the page, text as text.
        const double s = double(pdf.width()) / options.size.width();
        p.scale(s, s);
        paint(p, QRectF(0, 0, options.size.width(), pdf.height() / s), name, options);
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
