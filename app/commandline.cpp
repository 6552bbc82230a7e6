#include "commandline.h"

#include "builtincase.h"
#include "casereader.h"
#include "casereport.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>
#include <cstring>

namespace AT {

bool isHeadlessOption(const char *arg)
{
    for (const char *option : {"--check", "--summary", "--help", "-h", "--help-all", "--version", "-v"}) {
        if (std::strcmp(arg, option) == 0) {
            return true;
        }
    }
    return false;
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
                                                  "every problem; exit 0 when it has no errors."));
    const QCommandLineOption summary(QStringLiteral("summary"),
                                     QStringLiteral("Print a Markdown summary of the case (events by date, disputed "
                                                    "points)."));
    parser.addOption(check);
    parser.addOption(summary);
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("A case file (.json) to open."),
                                 QStringLiteral("[CASE]"));
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\nTry --help.\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("attribution-timeline %s\n", AT_VERSION);
        return 0;
    }
    if (parser.isSet(check) && parser.isSet(summary)) {
        std::fputs("--check and --summary cannot be combined; give one.\n", stderr);
        return 2;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        std::fputs("Give at most one case file.\nTry --help.\n", stderr);
        return 2;
    }
    m_casePath = positional.value(0);
    m_mode = parser.isSet(check) ? Mode::Check : parser.isSet(summary) ? Mode::Summary : Mode::Gui;
    return std::nullopt;
}

int CommandLine::runHeadless() const
{
    const QString path = m_casePath.isEmpty() ? builtinCasePath() : m_casePath;
    const QString name = m_casePath.isEmpty() ? QStringLiteral("built-in case") : m_casePath;
    const CaseLoad load = CaseReader::readFile(path);
    QTextStream out(stdout);
    if (m_mode == Mode::Check) {
        out << checkReport(name, load);
        return load.ok() ? 0 : 1;
    }
    if (!load.ok()) {
        QTextStream err(stderr);
        err << checkReport(name, load);
        return 1;
    }
    out << markdownSummary(load.kase);
    return 0;
}

} // namespace AT
