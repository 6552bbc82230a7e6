#pragma once

#include "dataexport.h"
#include "timelinescale.h"

#include <QPageSize>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace AT {

// True for options that do their work without a window (and so without a display).
bool isHeadlessOption(const char *arg);
// "A4", "letter", ...: the PDF page sizes the command line offers.
std::optional<QPageSize> pageSizeFromName(const QString &name);
// "linear", "compressed" or "automatic" (any case): the timeline's time axis in exports.
std::optional<AxisMode> axisModeFromName(const QString &name);
// True for options that render (exports): they need widgets but no display.
bool isRenderOption(const char *arg);
// Text for a terminal: control characters (C0, DEL, C1) and bidi controls (U+202A-U+202E,
// U+2066-U+2069) shown as escapes such as \x1b or \u202e, so that case text cannot move the cursor,
// recolour or reorder what is printed. Line feeds stay unless `keepLineFeeds` is false.
QString terminalSafe(QStringView text, bool keepLineFeeds = true);

// attribution-timeline [--check | --summary | --coverage] [CASE]
class CommandLine
{
public:
    // Returns an exit code when the process should end now (--help, --version, a usage error).
    std::optional<int> parse(const QStringList &arguments);
    int runHeadless() const;
    // --export and --list-exports; needs a QApplication (on the offscreen platform is enough).
    int runExport() const;
    bool isExport() const { return m_mode == Mode::Export || m_mode == Mode::ListExports; }
    // The case to open; empty means the built-in case.
    QString casePath() const { return m_casePath; }
    // The export's own words and time axis, as given.
    QString title() const { return m_title; }
    QString subtitle() const { return m_subtitle; }
    QString credit() const { return m_credit; }
    AxisMode axis() const { return m_axis; }

private:
    enum class Mode { Gui, Check, Summary, Coverage, Export, ListExports };
    Mode m_mode = Mode::Gui;
    QString m_casePath;
    QString m_exportName;
    QString m_output;
    QSize m_size {1920, 1080};
    double m_scale = 2;
    QString m_filter;
    QStringList m_actors;
    QString m_pageSize = QStringLiteral("A4");
    QString m_title;
    QString m_subtitle;
    QString m_credit;
    AxisMode m_axis = AxisMode::Automatic;
    TimelineLane m_lane = TimelineLane::Category;

    int runDataExport(const DataExport &format) const;
};

} // namespace AT
