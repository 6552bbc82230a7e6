#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace AT {

// True for options that do their work without a window (and so without a display).
bool isHeadlessOption(const char *arg);

// attribution-timeline [--check | --summary] [CASE]
class CommandLine
{
public:
    // Returns an exit code when the process should end now (--help, --version, a usage error).
    std::optional<int> parse(const QStringList &arguments);
    int runHeadless() const;
    // The case to open; empty means the built-in case.
    QString casePath() const { return m_casePath; }

private:
    enum class Mode { Gui, Check, Summary };
    Mode m_mode = Mode::Gui;
    QString m_casePath;
};

} // namespace AT
