// attribution-timeline-bench: the synthetic case generator and the benchmark suite.
// Not a pass/fail test; a smoke run (--smoke) is registered with CTest so it keeps working.

#include "builtincase.h"
#include "casedocument.h"
#include "casegenerator.h"
#include "caseindex.h"
#include "caseloader.h"
#include "casereader.h"
#include "casesession.h"
#include "casewriter.h"
#include "chartbuilder.h"
#include "chartmodel.h"
#include "citationlistmodel.h"
#include "citationpanel.h"
#include "claimlistmodel.h"
#include "disagreementtablemodel.h"
#include "eventtablemodel.h"
#include "exporter.h"
#include "mainwindow.h"
#include "sourcecoverage.h"
#include "timelineview.h"

#include <QApplication>
#include <QChart>
#include <QCommandLineParser>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QSysInfo>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <simdjson.h>
#include <string_view>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace AT;

namespace {

volatile int searchSink = 0;

struct Stats
{
    double median = 0;
    double p95 = 0;
    int runs = 0;
};

// Runs `f` `runs` times (fewer when one run is slow) and returns median and p95 in milliseconds.
Stats measure(int runs, const std::function<void()> &f, const std::function<void()> &before = {})
{
    QList<double> ms;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < runs; ++i) {
        if (before) {
            before();
        }
        QElapsedTimer t;
        t.start();
        f();
        ms << t.nsecsElapsed() / 1e6;
        if (total.elapsed() > 20000 && i >= 0) {
            break; // slow at this size: fewer runs rather than an endless benchmark
        }
    }
    std::sort(ms.begin(), ms.end());
    Stats s;
    s.runs = static_cast<int>(ms.size());
    s.median = ms[ms.size() / 2];
    s.p95 = ms[std::min<qsizetype>(ms.size() - 1, static_cast<qsizetype>(std::ceil(ms.size() * 0.95)) - 1)];
    return s;
}

class Report
{
public:
    void row(qint64 size, const QString &what, const Stats &s, const QString &baselineName = {},
             const Stats &baseline = {}, const QString &target = {})
    {
        QString line = QStringLiteral("| %1 | %2 | %3 | %4 | ")
                           .arg(size)
                           .arg(what)
                           .arg(s.median, 0, 'f', 2)
                           .arg(s.p95, 0, 'f', 2);
        if (!baselineName.isEmpty()) {
            line += QStringLiteral("%1: %2 | %3\u00d7 | ")
                        .arg(baselineName)
                        .arg(baseline.median, 0, 'f', 2)
                        .arg(s.median / std::max(baseline.median, 1e-6), 0, 'f', 1);
        } else {
            line += QStringLiteral(" |  | ");
        }
        line += target + QStringLiteral(" | %1 |").arg(s.runs);
        m_lines << line;
        std::printf("%s\n", qPrintable(line));
        std::fflush(stdout);
    }
    void note(const QString &text)
    {
        m_lines << text;
        std::printf("%s\n", qPrintable(text));
    }
    QStringList lines() const { return m_lines; }

private:
    QStringList m_lines;
};

QString machine()
{
    QString cpu;
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : info.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
                break;
            }
        }
    }
    return QStringLiteral("%1 cores (%2), %3, Qt %4, %5")
        .arg(QThread::idealThreadCount())
        .arg(cpu.isEmpty() ? QStringLiteral("unknown CPU") : cpu, QSysInfo::prettyProductName(),
             QString::fromLatin1(qVersion()), QDate::currentDate().toString(Qt::ISODate));
}

// Double-clicks at `points` places spread over the plot: each one is a hit test (the view has no
// selection state here, so nothing is selected and nothing repaints).
Stats measureHitTests(TimelineView *view, int runs, int points)
{
    return measure(runs, [&] {
        for (int i = 0; i < points; ++i) {
            const QPointF at(20 + (i * 7919) % (view->width() - 40), 10 + (i * 104729) % (view->height() - 60));
            QMouseEvent click(QEvent::MouseButtonDblClick, at, view->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton,
                              Qt::NoModifier);
            QApplication::sendEvent(view, &click);
        }
    });
}

void benchSize(Report &report, qint64 size, int runs, const QString &dir, const QString &appPath, bool timelineOnly)
{
    const QString file = QDir(dir).filePath(QStringLiteral("synthetic-%1.json").arg(size));
    if (!QFileInfo::exists(file)) {
        QString error;
        QElapsedTimer t;
        t.start();
        if (!writeGeneratedCase(GeneratorOptions {size, 1, 500, 1000}, file, &error)) {
            report.note(QStringLiteral("generation failed: ") + error);
            return;
        }
        std::printf("generated %s in %.1f s\n", qPrintable(file), t.elapsed() / 1000.0);
    }
    const qint64 fileBytes = QFileInfo(file).size();
    report.note(QStringLiteral("\n**%1 events** (file %2 MB)\n").arg(size).arg(fileBytes / 1e6, 0, 'f', 1));
    report.note(
        QStringLiteral("| events | benchmark | median ms | p95 ms | baseline (same run) | ratio | target | runs |"));
    report.note(QStringLiteral("|---|---|---|---|---|---|---|---|"));

    // The baseline of loading and of --check: simdjson's DOM parser reading the same file (read into
    // a padded buffer, then parsed), as a program that only parses it would.
    const Stats simd = measure(runs, [&] {
        simdjson::padded_string json;
        if (simdjson::padded_string::load(QFile::encodeName(file).toStdString()).get(json) != simdjson::SUCCESS) {
            qFatal("cannot read %s", qPrintable(file));
        }
        simdjson::dom::parser parser;
        simdjson::dom::element root;
        if (parser.parse(json).get(root) != simdjson::SUCCESS) {
            qFatal("simdjson cannot parse %s", qPrintable(file));
        }
    });
    report.row(size, QStringLiteral("simdjson DOM parse of the file (read + parse; the baseline)"), simd);
    const QString simdName = QStringLiteral("simdjson DOM parse");
    // Load: parse, validate, anchor, index, build the models.
    std::shared_ptr<const Case> kase;
    CaseSession session;
    EventTableModel events(&session);
    // Before each run the previous run's order by title, which a large case works out in the
    // background, is let finish: it is not this load's work.
    const Stats load = measure(
        runs,
        [&] {
            CaseLoader::Result l = CaseLoader::load(file);
            if (l.index) {
                kase = l.index->sharedCase();
                session.setIndex(std::move(l.index));
            }
        },
        [&] { Q_UNUSED(session.index().byTitle()); });
    report.row(size, QStringLiteral("load (parse, validate, anchor, index, models)"), load, simdName, simd,
               size >= 1000000      ? QStringLiteral("\u2264 1500 ms, \u2264 3\u00d7 parse")
                   : size >= 100000 ? QStringLiteral("\u2264 150 ms")
                                    : QString());

    // Source coverage of the whole case (issue #17): every source's sentences against every citation
    // and reviewed passage, as --coverage and the Coverage tab compute it.
    if (kase && !timelineOnly) {
        qsizetype sentences = 0;
        const Stats coverage = measure(std::min(runs, 3), [&] {
            sentences = 0;
            for (const SourceCoverage &c : caseCoverage(*kase)) {
                sentences += c.total();
            }
        });
        report.row(size, QStringLiteral("source coverage of the whole case (%1 sentences)").arg(sentences), coverage);
    }

    // The same work from outside, with the process's peak memory. The peak is taken by a small
    // helper (this program with --peak-rss-of): a child forked from this process, which holds the
    // case by now, would be charged this process's memory until it execs.
    if (QFileInfo::exists(appPath) && !timelineOnly) {
        Q_UNUSED(session.index().byTitle()); // no background work of this process competes with it
        const Stats check = measure(std::min(runs, 3), [&] {
            QProcess p;
            p.start(appPath, {QStringLiteral("--check"), file});
            p.waitForFinished(-1);
        });
        report.row(size, QStringLiteral("`attribution-timeline --check FILE` (whole process)"), check, simdName, simd,
                   size >= 1000000      ? QStringLiteral("\u2264 3\u00d7 parse, \u2264 4000 ms")
                       : size >= 100000 ? QStringLiteral("\u2264 3\u00d7 parse")
                                        : QString());
        QProcess helper;
        helper.start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--peak-rss-of"), appPath, QStringLiteral("--check"), file});
        helper.waitForFinished(-1);
        const double peakKiB = helper.readAllStandardOutput().trimmed().toDouble();
        report.note(
            QStringLiteral(
                "| %1 | peak memory of --check | %2 MB | | file %3 MB | %4\u00d7 file | \u2264 2.5\u00d7 file | |")
                .arg(size)
                .arg(peakKiB / 1024.0, 0, 'f', 0)
                .arg(fileBytes / 1e6, 0, 'f', 1)
                .arg(peakKiB * 1024.0 / fileBytes, 0, 'f', 1));
    }

    // First painted timeline frame after load, then pan and zoom frames.
    QImage frame(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    const Stats rects = measure(runs, [&] {
        QPainter p(&frame);
        for (qsizetype i = 0; i < kase->events.size(); ++i) {
            p.fillRect(QRectF(static_cast<double>(i % 1900), static_cast<double>((i / 1900) % 1000), 3, 3), Qt::blue);
        }
    });
    auto view = std::make_unique<TimelineView>();
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->resize(1920, 1080);
    const Stats first = measure(
        runs,
        [&] {
            view->setModel(&events);
            view->render(&frame);
        },
        [&] { view->setModel(nullptr); });
    report.row(size, QStringLiteral("first timeline frame after load (model read + layout + paint)"), first,
               QStringLiteral("one fillRect per event"), rects, QStringLiteral("\u2264 50 ms"));
    view->fitAll();
    const Stats panOut = measure(
        runs * 3, [&] { view->render(&frame); },
        [&] {
            QWheelEvent wheel(QPointF(900, 500), QPointF(900, 500), QPoint(), QPoint(0, 120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(view.get(), &wheel);
        });
    report.row(size, QStringLiteral("pan frame, zoomed out"), panOut, QString(), {}, QStringLiteral("p95 \u2264 8 ms"));
    // Zoomed in around the middle of the events (not where the pans above left the view, which
    // could be past the last event), so the frames place events one by one.
    view->fitAll();
    for (int i = 0; i < 20; ++i) {
        view->zoomIn();
    }
    const Stats panIn = measure(
        runs * 3, [&] { view->render(&frame); },
        [&] {
            QWheelEvent wheel(QPointF(900, 500), QPointF(900, 500), QPoint(), QPoint(0, 120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(view.get(), &wheel);
        });
    report.row(size, QStringLiteral("pan frame, zoomed in"), panIn, QString(), {}, QStringLiteral("p95 \u2264 8 ms"));
    const Stats zoom = measure(
        runs * 3, [&] { view->render(&frame); },
        [&, n = 0]() mutable { (n++ % 2) ? view->zoomIn() : view->zoomOut(); });
    report.row(size, QStringLiteral("zoom frame"), zoom, QString(), {}, QStringLiteral("p95 \u2264 8 ms"));
    // The busiest frames that still place events one by one: about 2,000 in view, in the middle.
    const CaseIndex &index = session.index();
    const auto dayOfRank = [&](qint64 rank) {
        return static_cast<double>(index.timelineAt(std::clamp<qint64>(rank, 0, size - 1)).first);
    };
    view->showRange(dayOfRank(size / 2 - 1000), dayOfRank(size / 2 + 1000));
    const Stats panBusy = measure(
        runs * 3, [&] { view->render(&frame); },
        [&, n = 0]() mutable {
            QWheelEvent wheel(QPointF(900, 500), QPointF(900, 500), QPoint(), QPoint(0, (n++ % 2) ? 120 : -120),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(view.get(), &wheel);
        });
    report.row(size, QStringLiteral("pan frame, ~2,000 events in view (placed, not counted)"), panBusy, QString(), {},
               QStringLiteral("p95 \u2264 8 ms"));
    // Hit tests at the same three kinds of place: busiest placement, a few days, everything.
    constexpr int hitPoints = 1000;
    view->showRange(dayOfRank(size / 2 - 1000), dayOfRank(size / 2 + 1000));
    report.row(size,
               QStringLiteral("1,000 hit tests (double-clicks), ~2,000 events in view: %1 labels, %2 in counts")
                   .arg(view->labelRects().size())
                   .arg(view->clusteredCount()),
               measureHitTests(view.get(), runs, hitPoints));
    const double middle = dayOfRank(size / 2);
    view->showRange(middle - 1.5, middle + 1.5);
    report.row(size,
               QStringLiteral("1,000 hit tests (double-clicks), 3 days in view: %1 labels, %2 in counts")
                   .arg(view->labelRects().size())
                   .arg(view->clusteredCount()),
               measureHitTests(view.get(), runs, hitPoints));
    view->fitAll();
    report.row(size, QStringLiteral("1,000 hit tests (double-clicks), fit all (counts per column)"),
               measureHitTests(view.get(), runs, hitPoints));
    // Lanes by actor: most lanes hold few enough events to place them one by one even at this size.
    view->setLaneMode(TimelineView::LaneMode::Actor);
    view->showRange(dayOfRank(size / 2 - 1000), dayOfRank(size / 2 + 1000));
    report.row(size,
               QStringLiteral("1,000 hit tests (double-clicks), lanes by actor, ~2,000 events in view: %1 labels, "
                              "%2 in counts")
                   .arg(view->labelRects().size())
                   .arg(view->clusteredCount()),
               measureHitTests(view.get(), runs, hitPoints));
    const Stats panLanes = measure(
        runs * 3, [&] { view->render(&frame); },
        [&, n = 0]() mutable {
            QWheelEvent wheel(QPointF(900, 500), QPointF(900, 500), QPoint(), QPoint(0, (n++ % 2) ? 120 : -120),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(view.get(), &wheel);
        });
    report.row(size, QStringLiteral("pan frame, lanes by actor, ~2,000 events in view"), panLanes, QString(), {},
               QStringLiteral("p95 \u2264 8 ms"));
    view->setLaneMode(TimelineView::LaneMode::None);
    if (timelineOnly) {
        return;
    }

    // Search keystroke -> filtered models -> repainted timeline.
    const QStringList typed
        = {QStringLiteral("n"), QStringLiteral("ne"), QStringLiteral("net"), QStringLiteral("netw")};
    // The baseline: the same folded UTF-8 text, searched event by event with std::string_view::find.
    const Stats linear = measure(runs, [&] {
        int hits = 0;
        for (qsizetype r = 0; r < session.index().eventCount(); ++r) {
            const QByteArrayView text = session.index().searchTextAt(r);
            hits += std::string_view(text.data(), static_cast<size_t>(text.size())).find("netw")
                != std::string_view::npos;
        }
        searchSink = hits; // observable, so the compiler keeps the loop
    });
    int keystroke = 0;
    const Stats search = measure(runs, [&] {
        EventFilter f;
        f.text = typed[keystroke++ % typed.size()];
        session.selection()->setFilter(f);
        view->render(&frame);
    });
    report.row(size, QStringLiteral("search keystroke \u2192 filtered models \u2192 repainted timeline"), search,
               QStringLiteral("one linear pass over event text"), linear,
               size >= 1000000      ? QStringLiteral("\u2264 100 ms")
                   : size >= 100000 ? QStringLiteral("\u2264 16 ms")
                                    : QString());
    view->setModel(nullptr); // the next filters measure the models alone

    // The same keystroke through the real window: every panel, the item models they share, the
    // charts (tab shown, so its chart is rebuilt too), the filter bar, then the whole window painted.
    {
        MainWindow window;
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.resize(1920, 1080);
        window.show();
        // openCase reads on this thread (openInitialCase would load in the background).
        if (window.openCase(file) && window.selection() && window.eventTable()->model()->rowCount() == size) {
            QTabWidget *tabs = window.findChild<QTabWidget *>();
            for (bool chartsShown : {false, true}) {
                if (tabs && chartsShown) {
                    tabs->setCurrentIndex(tabs->count() - 1);
                }
                // The same-run baseline: repainting the whole window with nothing changed.
                const Stats repaint = measure(runs, [&] { window.grab(); });
                int typedAt = 0;
                const Stats whole = measure(runs, [&] {
                    EventFilter f;
                    f.text = typed[typedAt++ % typed.size()];
                    window.selection()->setFilter(f);
                    window.grab();
                });
                report.row(size,
                           chartsShown ? QStringLiteral("search keystroke \u2192 whole window, Charts tab shown")
                                       : QStringLiteral("search keystroke \u2192 whole window (all panels) repainted"),
                           whole, QStringLiteral("repainting the window alone"), repaint,
                           size >= 1000000      ? QStringLiteral("\u2264 100 ms")
                               : size >= 100000 ? QStringLiteral("\u2264 16 ms")
                                                : QString());
            }
            // One edit (an event renamed, as the event form does it): the undo step, the index
            // rebuilt, every model and the whole window repainted. Undone between runs.
            EventFilter none;
            window.selection()->setFilter(none);
            int renamed = 0;
            const Stats edit = measure(
                std::min(runs, size >= 1000000 ? 3 : runs),
                [&] {
                    const Case &k = window.document()->kase();
                    Event e = k.events[k.events.size() / 2];
                    e.title += QStringLiteral(" (edited %1)").arg(++renamed);
                    CaseEdit step(k, QStringLiteral("Rename"));
                    step.replace(e);
                    window.document()->apply(step);
                    window.grab();
                },
                [&] {
                    if (window.document()->undoStack()->canUndo()) {
                        window.document()->undoStack()->undo();
                    }
                });
            report.row(size, QStringLiteral("edit one event \u2192 index, models and whole window updated"), edit,
                       QString(), {}, size >= 100000 ? QString() : QStringLiteral("\u2264 100 ms"));
        }
    }
    auto filterBench = [&](const QString &what, const std::function<EventFilter(int)> &make) {
        int n = 0;
        const Stats s = measure(runs, [&] { session.selection()->setFilter(make(n++)); });
        report.row(size, what, s, QString(), {}, QStringLiteral("\u2264 10 ms"));
    };
    filterBench(QStringLiteral("actor filter"), [](int n) {
        EventFilter f;
        f.actors = {QStringLiteral("a%1").arg(n % 20)};
        return f;
    });
    filterBench(QStringLiteral("date filter"), [](int n) {
        EventFilter f;
        f.fromDay = QDate(2000 + n % 20, 1, 1).toJulianDay();
        f.toDay = QDate(2001 + n % 20, 12, 31).toJulianDay();
        return f;
    });
    filterBench(QStringLiteral("category filter"), [](int n) {
        EventFilter f;
        f.categories = {n % 2 ? QStringLiteral("sanction") : QStringLiteral("intrusion")};
        return f;
    });
    session.selection()->setFilter({});
    // The first sort by a column computes that column's order once; later sorts and filter changes
    // reuse it. Titles need a collation key per event: for a large case they are worked out in the
    // background from the moment the index is built (TitleOrder), so the first sort depends on when
    // it is asked. Both ways: at once (helping the background with what is left), and once the case
    // has been open a while (here: after the timeline, search and filter runs above).
    const bool readyBefore = session.index().isByTitleReady();
    const Stats firstSort = measure(1, [&] {
        EventTableModel fresh(&session);
        fresh.sort(EventTableModel::TitleColumn);
    });
    report.row(size,
               QStringLiteral("first sort of the event table by title, the case open a while (order %1)")
                   .arg(readyBefore ? QStringLiteral("ready") : QStringLiteral("not ready yet")),
               firstSort, QString(), {}, size >= 1000000 ? QStringLiteral("\u2264 300 ms") : QString());
    std::unique_ptr<CaseIndex> freshIndex;
    const Stats atOnce = measure(
        std::min(runs, 3), [&] { Q_UNUSED(freshIndex->byTitle()); },
        [&] {
            freshIndex.reset(); // the previous one, its order done
            freshIndex = std::make_unique<CaseIndex>(session.index().sharedCase());
        });
    freshIndex.reset();
    report.row(size, QStringLiteral("order by title asked the moment the index is built (index build not counted)"),
               atOnce);
    events.sort(EventTableModel::TitleColumn);
    events.sort(EventTableModel::CategoryColumn);
    const Stats sort = measure(runs, [&, n = 0]() mutable {
        events.sort(n++ % 2 ? EventTableModel::TitleColumn : EventTableModel::CategoryColumn);
    });
    report.row(size, QStringLiteral("sort the event table again (title / category)"), sort);
    EventFilter sortedFilter;
    sortedFilter.categories = {QStringLiteral("intrusion")};
    const Stats sortedFilterStats = measure(runs, [&, n = 0]() mutable {
        sortedFilter.disputedOnly = n++ % 2;
        session.selection()->setFilter(sortedFilter);
    });
    report.row(size, QStringLiteral("category filter while sorted by title"), sortedFilterStats, QString(), {},
               QStringLiteral("\u2264 10 ms"));
    session.selection()->setFilter({});
    events.sort(EventTableModel::DateColumn);

    // Select an event -> its citations, claims and disputed points shown.
    CitationListModel citations(&session);
    ClaimListModel claims(&session);
    DisagreementTableModel disputes(&session);
    CitationPanel panel;
    panel.setModels(&citations, &claims, &disputes);
    const Stats select = measure(runs * 3, [&, n = qint64(0)]() mutable {
        session.selection()->setCurrentEvent((n++ * 7919) % size);
        QApplication::processEvents();
    });
    report.row(size, QStringLiteral("select event \u2192 citations shown"), select, QString(), {},
               QStringLiteral("\u2264 16 ms"));

    // Chart rebuild and exports of the whole timeline.
    ChartModel chart(ChartModel::Kind::EventsPerYear, &session);
    const Stats chartRebuild = measure(runs, [&, n = 0]() mutable {
        EventFilter f;
        f.disputedOnly = n++ % 2;
        session.selection()->setFilter(f);
        std::unique_ptr<QChart> c(buildChart(&chart, static_cast<int>(chart.kind()), QString()));
    });
    report.row(size, QStringLiteral("chart rebuild (events per year) after a filter change"), chartRebuild);
    session.selection()->setFilter({});
    Exporter exporter(&session);
    ExportOptions hd;
    hd.size = QSize(1920, 1080);
    hd.scale = 1;
    ExportOptions uhd = hd;
    uhd.size = QSize(3840, 2160);
    qint64 svgBytes = 0;
    QString error;
    report.row(size, QStringLiteral("export whole timeline, PNG 1080p"),
               measure(runs, [&] { exporter.render(QStringLiteral("timeline"), QStringLiteral("png"), hd, &error); }),
               QString(), {}, QStringLiteral("\u2264 150 ms"));
    report.row(size, QStringLiteral("export whole timeline, PNG 4K"),
               measure(runs, [&] { exporter.render(QStringLiteral("timeline"), QStringLiteral("png"), uhd, &error); }));
    report.row(size, QStringLiteral("export whole timeline, SVG"),
               measure(runs,
                       [&] {
                           svgBytes
                               = exporter.render(QStringLiteral("timeline"), QStringLiteral("svg"), hd, &error).size();
                       }),
               QString(), {}, QStringLiteral("\u2264 100 ms, \u2264 5 MB"));
    report.note(
        QStringLiteral("| %1 | SVG size | %2 MB | | | | \u2264 5 MB | |").arg(size).arg(svgBytes / 1e6, 0, 'f', 2));
    report.row(size, QStringLiteral("export whole timeline, PDF"),
               measure(runs, [&] { exporter.render(QStringLiteral("timeline"), QStringLiteral("pdf"), hd, &error); }),
               QString(), {}, QStringLiteral("\u2264 100 ms"));
}

} // namespace

// --peak-rss-of PROGRAM ARGS...: runs PROGRAM and prints its peak resident memory in KiB.
// Started fresh and small, so the child's figure is its own.
int peakRssOf(char *argv[])
{
    const pid_t pid = fork();
    if (pid == 0) {
        const int devNull = open("/dev/null", O_WRONLY);
        if (devNull >= 0) {
            dup2(devNull, STDOUT_FILENO); // only the figure below goes to standard output
        }
        execv(argv[0], argv);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (pid < 0 || wait4(pid, &status, 0, &usage) != pid) {
        return 1;
    }
    std::printf("%ld\n", usage.ru_maxrss);
    return 0;
}

int main(int argc, char *argv[])
{
    if (argc > 2 && std::strcmp(argv[1], "--peak-rss-of") == 0) {
        return peakRssOf(argv + 2);
    }
    bool headless = true;
    for (int i = 1; i < argc; ++i) {
        headless = headless && std::strcmp(argv[i], "--gui") != 0;
    }
    if (headless) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Attribution Timeline benchmarks and synthetic case generator."));
    parser.addHelpOption();
    const QCommandLineOption generate(QStringLiteral("generate"),
                                      QStringLiteral("Write a synthetic case of N events to --output."),
                                      QStringLiteral("N"));
    const QCommandLineOption output(
        QStringLiteral("output"), QStringLiteral("Case file (--generate) or Markdown report."), QStringLiteral("FILE"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Generator seed (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption sizes(QStringLiteral("sizes"),
                                   QStringLiteral("Comma-separated case sizes (default 1000,10000,100000,1000000)."),
                                   QStringLiteral("LIST"), QStringLiteral("1000,10000,100000,1000000"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Repetitions per measurement (default 7)."),
                                  QStringLiteral("N"), QStringLiteral("7"));
    const QCommandLineOption smoke(QStringLiteral("smoke"), QStringLiteral("A quick run on 1,000 events, for CI."));
    const QCommandLineOption workdir(QStringLiteral("workdir"),
                                     QStringLiteral("Where generated cases are kept (default: a temporary folder)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption timelineOnly(
        QStringLiteral("timeline-only"),
        QStringLiteral("Only load and the timeline's frames and hit tests: no start-up, --check, filters or exports."));
    const QCommandLineOption gui(QStringLiteral("gui"),
                                 QStringLiteral("Use the real window system instead of offscreen."));
    parser.addOptions({generate, output, seed, sizes, runs, smoke, workdir, timelineOnly, gui});
    parser.process(app);

    if (parser.isSet(generate)) {
        GeneratorOptions o;
        o.events = parser.value(generate).toLongLong();
        o.seed = parser.value(seed).toULongLong();
        if (o.events <= 0 || parser.value(output).isEmpty()) {
            std::fputs("--generate needs a positive N and --output FILE\n", stderr);
            return 2;
        }
        QString error;
        if (!writeGeneratedCase(o, parser.value(output), &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("Wrote %s (%lld events, seed %llu)\n", qPrintable(parser.value(output)),
                    static_cast<long long>(o.events), static_cast<unsigned long long>(o.seed));
        return 0;
    }

    QList<qint64> list;
    for (const QString &s : parser.value(sizes).split(QLatin1Char(','))) {
        list << s.toLongLong();
    }
    int n = parser.value(runs).toInt();
    if (parser.isSet(smoke)) {
        list = {1000};
        n = 3;
    }
    QTemporaryDir temp;
    const QString dir = parser.isSet(workdir) ? parser.value(workdir) : temp.path();
    QDir().mkpath(dir);
    const QString appPath
        = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../app/attribution-timeline"));
    Report report;
    report.note(QStringLiteral(
                    "# Benchmarks\n\nMachine: %1.\nEach figure is the median and 95th percentile over the runs shown; "
                    "the baseline is measured in the same run on the same data.\n")
                    .arg(machine()));

    // Start-up to the first painted window with the built-in case (in-process: construct, open, show, paint).
    report.note(
        QStringLiteral("| events | benchmark | median ms | p95 ms | baseline (same run) | ratio | target | runs |"));
    report.note(QStringLiteral("|---|---|---|---|---|---|---|---|"));
    if (!parser.isSet(timelineOnly)) {
        const Stats startup = measure(n, [&] {
            MainWindow w;
            w.resize(1280, 800);
            w.openCase(QString());
            w.show();
            (void)QTest::qWaitForWindowExposed(&w);
            w.grab();
        });
        report.row(25, QStringLiteral("start-up to first painted window, built-in case (in process, warm)"), startup,
                   QString(), {}, QStringLiteral("\u2264 150 ms"));
    }

    for (qint64 size : list) {
        benchSize(report, size, n, dir, appPath, parser.isSet(timelineOnly));
    }
    if (parser.isSet(output)) {
        QString error;
        if (!AT::writeFileAtomically(parser.value(output), report.lines().join(QLatin1Char('\n')).toUtf8() + '\n',
                                     &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    return 0;
}
