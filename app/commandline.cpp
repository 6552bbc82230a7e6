#include "commandline.h"

#include "builtincase.h"
#include "caseloader.h"
#include "casereader.h"
#include "casereport.h"
#include "casesession.h"
#include "casewriter.h"
#include "coveragereport.h"
#include "exporter.h"
#include "plural.h"

#include <QCommandLineParser>

#include <cstdio>
#include <cstring>

namespace AT {

QString terminalSafe(QStringView text, bool keepLineFeeds)
{
    auto unsafe = [&](char32_t c) {
        return (c < 0x20 && !(keepLineFeeds && c == u'\n')) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
            || (c >= 0x2066 && c <= 0x2069);
    };
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (!unsafe(c)) {
            out += ch;
        } else if (c <= 0xff) {
            out += QStringLiteral("\\x%1").arg(int(c), 2, 16, QLatin1Char('0'));
        } else {
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

namespace {

// Every line the command line prints goes through here: case text never reaches the terminal raw.
void print(FILE *stream, const QString &text)
{
    std::fputs(terminalSafe(text).toUtf8().constData(), stream);
}

// The check report with every piece of case text on one line of its own, so that a line feed in an
// id cannot forge a line of the report.
QString safeCheckReport(const QString &caseName, const CaseLoad &load)
{
    CaseLoad shown = load; // the case is shared, not copied
    shown.kase.title = terminalSafe(load.kase.title, false);
    for (Problem &p : shown.problems) {
        p.file = terminalSafe(p.file, false);
        p.path = terminalSafe(p.path, false);
        p.message = terminalSafe(p.message, false);
    }
    for (QString &note : shown.notes) {
        note = terminalSafe(note, false);
    }
    return checkReport(terminalSafe(caseName, false), shown);
}

} // namespace

bool isHeadlessOption(const char *arg)
{
    for (const char *option : {"--check", "--summary", "--coverage", "--help", "-h", "--help-all", "--version", "-v"}) {
        if (std::strcmp(arg, option) == 0) {
            return true;
        }
    }
    return false;
}

std::optional<QPageSize> pageSizeFromName(const QString &name)
{
    const struct
    {
        const char *name;
        QPageSize::PageSizeId id;
    } sizes[] = {{"A3", QPageSize::A3},         {"A4", QPageSize::A4},       {"A5", QPageSize::A5},
                 {"Letter", QPageSize::Letter}, {"Legal", QPageSize::Legal}, {"Tabloid", QPageSize::Tabloid}};
    for (const auto &s : sizes) {
        if (name.compare(QLatin1String(s.name), Qt::CaseInsensitive) == 0) {
            return QPageSize(s.id);
        }
    }
    return std::nullopt;
}

std::optional<AxisMode> axisModeFromName(const QString &name)
{
    const struct
    {
        const char *name;
        AxisMode mode;
    } modes[]
        = {{"linear", AxisMode::Linear}, {"compressed", AxisMode::Compressed}, {"automatic", AxisMode::Automatic}};
    for (const auto &m : modes) {
        if (name.compare(QLatin1String(m.name), Qt::CaseInsensitive) == 0) {
            return m.mode;
        }
    }
    return std::nullopt;
}

bool isRenderOption(const char *arg)
{
    return std::strcmp(arg, "--export") == 0 || std::strcmp(arg, "--list-exports") == 0;
}

std::optional<int> CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Attribution Timeline: a case of state-sponsored hacking as a timeline, an actor panel and "
                       "verbatim source citations.\nWithout CASE, the built-in APT31 case (March 2024) is used."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption check(QStringLiteral("check"),
                                   QStringLiteral("Validate the case: print counts, citations by anchor status and "
                                                  "every problem, with the checker rules (summaries, statements, "
                                                  "confidence wordings and relative dates held to their own "
                                                  "quotes); exit 0 when it has no errors."));
    const QCommandLineOption summary(QStringLiteral("summary"),
                                     QStringLiteral("Print a Markdown summary of the case (events by date, disputed "
                                                    "points)."));
    const QCommandLineOption coverage(
        QStringLiteral("coverage"),
        QStringLiteral("Print per source its sentences, how many are cited, reviewed and not used, or unreviewed, "
                       "and the first words of each unreviewed one; exit 0 when none is unreviewed, 1 when some "
                       "are, 2 when the case does not open."));
    const QCommandLineOption listExports(
        QStringLiteral("list-exports"),
        QStringLiteral("List what can be exported: the case as data for other tools (case, stix, timelinejs, "
                       "html, ftm, annotations), the timeline and each chart."));
    const QCommandLineOption exportName(
        QStringLiteral("export"),
        QStringLiteral("Export NAME (see --list-exports) to the --output file: data as its format says, "
                       "images as PNG, SVG, PDF or CSV by the file's extension. Needs no display."),
        QStringLiteral("NAME"));
    const QCommandLineOption laneOption(
        QStringLiteral("lane"),
        QStringLiteral("TimelineJS groups: by category (default), by actor, or none (with --export timelinejs)."),
        QStringLiteral("category|actor|none"));
    const QCommandLineOption output(QStringLiteral("output"), QStringLiteral("The file to write."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Export size in pixels (default 1920x1080)."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption scale(QStringLiteral("scale"), QStringLiteral("PNG pixel density (default 2)."),
                                   QStringLiteral("N"));
    const QCommandLineOption pageSize(
        QStringLiteral("page-size"),
        QStringLiteral("PDF page size, landscape: A3, A4 (default), A5, Letter, Legal or Tabloid."),
        QStringLiteral("NAME"));
    const QCommandLineOption filter(QStringLiteral("filter"), QStringLiteral("Export only events matching TEXT."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption actor(
        QStringLiteral("actor"), QStringLiteral("Export only events of actor ID (repeatable)."), QStringLiteral("ID"));
    const QCommandLineOption titleOption(QStringLiteral("title"),
                                         QStringLiteral("Export title (default: the case's or the chart's title)."),
                                         QStringLiteral("TEXT"));
    const QCommandLineOption subtitleOption(QStringLiteral("subtitle"),
                                            QStringLiteral("Export subtitle (default: what is shown and drawn)."),
                                            QStringLiteral("TEXT"));
    const QCommandLineOption creditOption(
        QStringLiteral("credit"), QStringLiteral("Export credit line (default: the sources behind what is shown)."),
        QStringLiteral("TEXT"));
    const QCommandLineOption axisOption(
        QStringLiteral("axis"), QStringLiteral("Timeline time axis: linear, compressed or automatic (default)."),
        QStringLiteral("MODE"));
    parser.addOption(check);
    parser.addOption(summary);
    parser.addOption(coverage);
    parser.addOption(listExports);
    parser.addOption(exportName);
    parser.addOption(output);
    parser.addOption(size);
    parser.addOption(scale);
    parser.addOption(filter);
    parser.addOption(pageSize);
    parser.addOption(actor);
    parser.addOption(titleOption);
    parser.addOption(subtitleOption);
    parser.addOption(creditOption);
    parser.addOption(axisOption);
    parser.addOption(laneOption);
    parser.addPositionalArgument(QStringLiteral("CASE"),
                                 QStringLiteral("A case file, a STIX 2.0/2.1 bundle or a TimelineJS JSON file, "
                                                "recognised by its content."),
                                 QStringLiteral("[CASE]"));
    if (!parser.parse(arguments)) {
        print(stderr, parser.errorText() + QStringLiteral("\nTry --help.\n"));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        print(stdout, parser.helpText());
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("attribution-timeline %s\n", AT_VERSION);
        return 0;
    }
    if (int(parser.isSet(check)) + int(parser.isSet(summary)) + int(parser.isSet(coverage)) > 1) {
        std::fputs("--check, --summary and --coverage cannot be combined; give one.\n", stderr);
        return 2;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        std::fputs("Give at most one case file.\nTry --help.\n", stderr);
        return 2;
    }
    m_casePath = positional.value(0);
    m_mode = parser.isSet(check) ? Mode::Check
        : parser.isSet(summary)  ? Mode::Summary
        : parser.isSet(coverage) ? Mode::Coverage
                                 : Mode::Gui;
    if (parser.isSet(listExports)) {
        m_mode = Mode::ListExports;
    }
    if (parser.isSet(exportName)) {
        m_mode = Mode::Export;
        m_exportName = parser.value(exportName);
        m_output = parser.value(output);
        if (m_output.isEmpty()) {
            std::fputs("--export needs --output FILE.\n", stderr);
            return 2;
        }
        const bool isData = dataExport(m_exportName) != nullptr;
        if (isData
            && (parser.isSet(size) || parser.isSet(scale) || parser.isSet(pageSize) || parser.isSet(filter)
                || parser.isSet(actor) || parser.isSet(titleOption) || parser.isSet(subtitleOption)
                || parser.isSet(creditOption) || parser.isSet(axisOption))) {
            print(stderr,
                  QStringLiteral("--export %1 writes the whole case as data: --size, --scale, --page-size, "
                                 "--filter, --actor, --title, --subtitle, --credit and --axis go with the image "
                                 "exports (timeline and charts).\n")
                      .arg(m_exportName));
            return 2;
        }
        if (parser.isSet(laneOption)) {
            const QString lane = parser.value(laneOption);
            if (m_exportName != QLatin1String("timelinejs")) {
                std::fputs("--lane goes with --export timelinejs.\n", stderr);
                return 2;
            }
            if (lane.compare(QLatin1String("actor"), Qt::CaseInsensitive) == 0) {
                m_lane = TimelineLane::Actor;
            } else if (lane.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
                m_lane = TimelineLane::None;
            } else if (lane.compare(QLatin1String("category"), Qt::CaseInsensitive) != 0) {
                print(stderr, QStringLiteral("--lane must be category, actor or none, not \"%1\".\n").arg(lane));
                return 2;
            }
        }
        if (parser.isSet(size)) {
            const QStringList wh = parser.value(size).split(QLatin1Char('x'));
            bool okW = false;
            bool okH = false;
            if (wh.size() == 2) {
                m_size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
            }
            if (!okW || !okH) {
                print(stderr, QStringLiteral("--size must look like 1920x1080, not \"%1\".\n").arg(parser.value(size)));
                return 2;
            }
        }
        if (parser.isSet(scale)) {
            bool ok = false;
            m_scale = parser.value(scale).toDouble(&ok);
            if (!ok) {
                print(stderr, QStringLiteral("--scale must be a number, not \"%1\".\n").arg(parser.value(scale)));
                return 2;
            }
        }
        m_title = parser.value(titleOption);
        m_subtitle = parser.value(subtitleOption);
        m_credit = parser.value(creditOption);
        if (parser.isSet(axisOption)) {
            const std::optional<AxisMode> mode = axisModeFromName(parser.value(axisOption));
            if (!mode) {
                print(stderr,
                      QStringLiteral("--axis must be linear, compressed or automatic, not \"%1\".\n")
                          .arg(parser.value(axisOption)));
                return 2;
            }
            m_axis = *mode;
        }
        m_filter = parser.value(filter);
        m_actors = parser.values(actor);
        if (parser.isSet(pageSize)) {
            m_pageSize = parser.value(pageSize);
            if (!pageSizeFromName(m_pageSize)) {
                print(stderr,
                      QStringLiteral("--page-size must be A3, A4, A5, Letter, Legal or Tabloid, not \"%1\".\n")
                          .arg(m_pageSize));
                return 2;
            }
        }
    } else if (parser.isSet(output) || parser.isSet(size) || parser.isSet(scale) || parser.isSet(filter)
               || parser.isSet(actor) || parser.isSet(titleOption) || parser.isSet(subtitleOption)
               || parser.isSet(creditOption) || parser.isSet(axisOption) || parser.isSet(laneOption)) {
        std::fputs("--output, --size, --scale, --filter, --actor, --title, --subtitle, --credit, --axis and --lane go "
                   "with --export.\n",
                   stderr);
        return 2;
    }
    return std::nullopt;
}

int CommandLine::runHeadless() const
{
    const QString path = m_casePath.isEmpty() ? builtinCasePath() : m_casePath;
    const QString name = m_casePath.isEmpty() ? QStringLiteral("built-in case") : m_casePath;
    // The check, the summary and the coverage need no index. The case is never freed: the process
    // ends as soon as it is reported, and freeing a million events item by item would add a tenth to
    // the whole run (0.7 s of 5.7 at 1M events); the system takes the memory back at once. It stays
    // reachable from here, so leak checkers do not count it.
    static const CaseLoad *kept = nullptr;
    kept = new CaseLoad(CaseLoader::load(path, false).load);
    const CaseLoad &load = *kept;
    if (m_mode == Mode::Check) {
        print(stdout, safeCheckReport(name, load));
        return load.ok() ? 0 : 1;
    }
    if (m_mode == Mode::Coverage) {
        // 2, not 1: a script tells "does not open" from "has unreviewed sentences".
        if (!load.ok()) {
            print(stderr, safeCheckReport(name, load));
            return 2;
        }
        const QList<SourceCoverage> coverage = caseCoverage(load.kase);
        // Each piece of case text on its own line: no line feed of it reaches the terminal.
        print(stdout,
              coverageReport(name, load.kase, coverage, [](const QString &t) { return terminalSafe(t, false); }));
        const bool unreviewed
            = std::any_of(coverage.cbegin(), coverage.cend(), [](const SourceCoverage &c) { return c.unreviewed > 0; });
        return unreviewed ? 1 : 0;
    }
    if (!load.ok()) {
        print(stderr, safeCheckReport(name, load));
        return 1;
    }
    print(stdout, markdownSummary(load.kase));
    return 0;
}

int CommandLine::runExport() const
{
    if (m_mode == Mode::ListExports) {
        // One export a line, its name first, so that scripts can take the first word of each line.
        qsizetype width = 0;
        for (const DataExport &e : dataExports()) {
            width = std::max(width, e.name.size());
        }
        for (const QString &name : Exporter::names()) {
            width = std::max(width, name.size());
        }
        for (const DataExport &e : dataExports()) {
            print(stdout, QStringLiteral("%1  %2\n").arg(e.name.leftJustified(width), e.description));
        }
        for (const QString &name : Exporter::names()) {
            print(stdout,
                  QStringLiteral("%1  %2\n")
                      .arg(name.leftJustified(width),
                           name == QLatin1String("timeline")
                               ? QStringLiteral("the timeline as an image: PNG, SVG or PDF (or its events as CSV)")
                               : QStringLiteral("a chart as an image: PNG, SVG or PDF (or its values as CSV)")));
        }
        return 0;
    }
    if (const DataExport *format = dataExport(m_exportName)) {
        return runDataExport(*format);
    }
    const QString path = m_casePath.isEmpty() ? builtinCasePath() : m_casePath;
    CaseLoader::Result loaded = CaseLoader::load(path);
    if (loaded.outcome != CaseLoader::Outcome::Opened) {
        print(stderr,
              safeCheckReport(m_casePath.isEmpty() ? QStringLiteral("built-in case") : m_casePath, loaded.load));
        return 1;
    }
    CaseSession session;
    session.setIndex(std::move(loaded.index));
    EventFilter f;
    f.text = m_filter;
    for (const QString &id : m_actors) {
        if (!session.kase().actor(id)) {
            print(stderr, QStringLiteral("--actor: the case has no actor with the id \"%1\".\n").arg(id));
            return 2;
        }
        f.actors.insert(id);
    }
    session.selection()->setFilter(f);
    Exporter exporter(&session);
    ExportOptions options;
    options.size = m_size;
    options.scale = m_scale;
    options.pageSize = *pageSizeFromName(m_pageSize);
    options.title = m_title;
    options.subtitle = m_subtitle;
    options.credit = m_credit;
    options.axis = m_axis;
    QString error;
    if (!exporter.exportTo(m_exportName, m_output, options, &error)) {
        print(stderr, QStringLiteral("Export failed: %1\n").arg(error));
        return 1;
    }
    QString what = QStringLiteral("%1 of %2")
                       .arg(QString::number(session.visibleEvents().size()),
                            countOf(session.kase().events.size(), QStringLiteral("event"), QStringLiteral("events")));
    // A timeline image that could not draw every event says so here too, as on the image.
    const ExportLayout &layout = exporter.lastLayout();
    const qsizetype notDrawn = layout.listed.size() + layout.counted.size();
    if (m_exportName == QLatin1String("timeline") && Exporter::formatOf(m_output) != QLatin1String("csv")
        && notDrawn > 0) {
        what += QStringLiteral(
                    "; %1 drawn with their titles, %2 named or counted on the image as not drawn or unlabelled")
                    .arg(layout.drawn.size())
                    .arg(notDrawn);
    }
    print(stdout, QStringLiteral("Wrote %1 (%2)\n").arg(m_output, what));
    return 0;
}

int CommandLine::runDataExport(const DataExport &format) const
{
    const QString name = m_casePath.isEmpty() ? QStringLiteral("built-in case") : m_casePath;
    const CaseLoad load = CaseLoader::load(m_casePath.isEmpty() ? builtinCasePath() : m_casePath, false).load;
    if (!load.ok()) {
        print(stderr, safeCheckReport(name, load));
        return 1;
    }
    if (!load.convertedFrom.isEmpty()) {
        print(stdout, QStringLiteral("Read %1 as a %2:\n").arg(terminalSafe(name, false), load.convertedFrom));
        for (const QString &note : load.notes) {
            print(stdout, QStringLiteral("  - %1\n").arg(terminalSafe(note, false)));
        }
    }
    DataExportOptions options;
    options.lane = m_lane;
    const QByteArray bytes = writeDataExport(format.name, load.kase, options);
    QString error;
    if (!writeFileAtomically(m_output, bytes, &error)) {
        print(stderr, QStringLiteral("Export failed: %1\n").arg(error));
        return 1;
    }
    const Case &k = load.kase;
    print(stdout,
          QStringLiteral("Wrote %1 (%2: %3, %4, %5, %6)\n")
              .arg(terminalSafe(m_output, false), format.label,
                   countOf(k.events.size(), QStringLiteral("event"), QStringLiteral("events")),
                   countOf(k.actors.size(), QStringLiteral("actor"), QStringLiteral("actors")),
                   countOf(k.claims.size(), QStringLiteral("claim"), QStringLiteral("claims")),
                   countOf(k.sources.size(), QStringLiteral("source"), QStringLiteral("sources"))));
    if (load.warningCount() > 0) {
        print(stdout,
              QStringLiteral("The case has %1; --check lists them.\n")
                  .arg(countOf(load.warningCount(), QStringLiteral("warning"), QStringLiteral("warnings"))));
    }
    return 0;
}

} // namespace AT
