#pragma once

#include "textoutliner.h"
#include "timelinescale.h"

#include <QImage>
#include <QPageSize>
#include <QRectF>
#include <QSize>
#include <QString>

#include <memory>

namespace AT {

class CaseModels;
class CaseSession;
class ChartModel;
class EventTableModel;

struct ExportOptions
{
    QSize size {1920, 1080}; // the composition in logical pixels; PNG is this times `scale`
    qreal scale = 2;
    bool visibleWindowOnly = false; // timeline: only [windowStart, windowEnd] instead of everything
    double windowStart = 0; // Julian days
    double windowEnd = 0;
    QPageSize pageSize = QPageSize(QPageSize::A4); // PDF, landscape
    // The journalist's own words; empty means the default (the case's or chart's title, what is
    // shown, the sources behind it). Case text like any other: drawn as text, never as markup.
    QString title;
    QString subtitle;
    QString credit;
    AxisMode axis = AxisMode::Automatic; // the timeline's time axis
    // SVG: told of every run of text as it is outlined (tests check glyphs and bidi order).
    TextOutliner::TextObserver textObserver;
    // SVG: the same runs, each with the box it covers on the composition (tests check overlaps).
    TextOutliner::BoxObserver textBoxObserver;
};

// What an export placed, for tests and for anyone checking a composition: every piece of text the
// exporter sets itself (and the timeline's labels, ticks and counts), and what became of each event.
struct ExportText
{
    enum class Kind { Title, Subtitle, Key, Legend, Plot, NotDrawn, Credit };
    Kind kind;
    QString text;
    QRectF rect; // in the composition's logical pixels
};

struct ExportLayout
{
    QRectF area; // the whole composition
    QRectF plot; // the timeline or the chart
    QList<ExportText> texts;
    double smallestFontPixels = 0; // of the text the exporter sets
    // Events (indices into Case::events) of the timeline: drawn, listed by date and title in the
    // "Not drawn at this size" block, counted there in its "and N more", or outside the period shown.
    QList<qsizetype> drawn;
    QList<qsizetype> listed;
    QList<qsizetype> counted;
    QList<qsizetype> outsideWindow;
    QString subtitle;
    QString credit;
};

// Raster exports larger than this after scaling are refused (7 bytes a pixel while drawn).
inline constexpr qint64 MaxRasterPixels = 64'000'000;

// Publication-ready exports: the whole timeline or a chart with a title, a legend and a credit line
// naming the sources behind what is shown, as PNG, SVG (text as outlines) or PDF (vector), and the
// shown events as CSV. One code path per format; every write is atomic and failures are reported.
class Exporter
{
public:
    // Draws from `models` (the window's, shared); without them it builds its own (command line).
    explicit Exporter(CaseSession *session, CaseModels *models = nullptr);
    ~Exporter();

    // "timeline" and one name per chart.
    static QStringList names();
    // The format by the file's extension: png, svg, pdf or csv; empty when unknown.
    static QString formatOf(const QString &path);

    bool exportTo(const QString &name, const QString &path, const ExportOptions &options, QString *error);
    // The bytes of an export, for tests and the clipboard; empty with *error set on failure.
    QByteArray render(const QString &name, const QString &format, const ExportOptions &options, QString *error);
    QImage renderImage(const QString &name, const ExportOptions &options);
    // Where the last export placed its text and what it did with each event.
    const ExportLayout &lastLayout() const { return m_lastLayout; }
    // PDF pages are laid out at this many logical pixels an inch, so that the smallest text the
    // exporter sets (12 px, and the charts' 10 pt) prints at 9 pt or more.
    static constexpr int PdfPixelsPerInch = 96;

private:
    void paint(QPainter &p, const QRectF &area, const QString &name, const ExportOptions &options, bool print);
    CaseSession *m_session;
    std::unique_ptr<CaseModels> m_ownModels;
    CaseModels *m_models;
    ExportLayout m_lastLayout;
};

} // namespace AT
