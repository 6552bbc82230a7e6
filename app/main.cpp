#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTimer>

#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    // Command-line work (--check, --summary, --help) needs no display: start a core application for it.
    bool gui = true;
    bool render = false;
    for (int i = 1; i < argc; ++i) {
        if (AT::isHeadlessOption(argv[i])) {
            gui = false;
        }
        if (AT::isRenderOption(argv[i])) {
            render = true;
        }
    }
    if (render) {
        // Exports draw with widgets but never show one: no display or window server is needed.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        gui = true;
    }
    std::unique_ptr<QCoreApplication> app;
    if (gui) {
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("AttributionTimeline"));
    QCoreApplication::setApplicationName(QStringLiteral("attribution-timeline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AT_VERSION));

    AT::CommandLine cmd;
    if (const auto exitCode = cmd.parse(QCoreApplication::arguments())) {
        return *exitCode;
    }
    if (!gui) {
        return cmd.runHeadless();
    }
    if (cmd.isExport()) {
        return cmd.runExport();
    }
    QApplication::setApplicationDisplayName(QStringLiteral("Attribution Timeline"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/attribution-timeline.svg")));
    AT::MainWindow window;
    window.show();
    // Unsaved changes a killed or crashed run left: offered once the first case is open, so that a
    // restored case is not replaced by it.
    QObject::connect(
        &window, &AT::MainWindow::caseOpenFinished, &window, [&window] { window.offerRecovery(); },
        Qt::SingleShotConnection);
    if (!window.openInitialCase(cmd.casePath())) {
        return 1;
    }
    if (cmd.casePath().isEmpty()) {
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    }
    return QApplication::exec();
}
