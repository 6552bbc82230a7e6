// The window's way in and out for other tools' files: a STIX bundle or a TimelineJS file opens as a
// new, unsaved case with a report of the conversion, never to be saved over the file it came from;
// File > Export offers every data export and writes what --export writes.
#include "casedocument.h"
#include "casereader.h"
#include "dataexport.h"
#include "eventfilter.h"
#include "mainwindow.h"
#include "selectionstate.h"
#include "timelineview.h"
#include "windowtest.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace AT;
using namespace AT::WindowTest;

class tst_ExchangeWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_DATA_HOME", m_home.path().toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_home.path().toLocal8Bit());
    }

    void stixOpensAsAnUnsavedCase()
    {
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        const QString path = QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-data/oasis-stix21/apt1.json");
        QSignalSpy finished(&window, &MainWindow::caseOpenFinished);
        QString shown;
        answerNextMessageBox(QStringLiteral("OK"), &shown);
        window.openCaseInBackground(path);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY2(shown.contains(QLatin1String("apt1.json was read as a STIX bundle and converted into a case")),
                 qPrintable(shown));
        // What the conversion did, at once.
        QVERIFY2(shown.contains(QLatin1String("indicator objects were left out"))
                     || shown.contains(QLatin1String("more in the details")),
                 qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("\u2022 Read from the STIX 2.1 bundle")), qPrintable(shown));
        // Not saved: Save must ask where, and never writes a case over the bundle.
        QVERIFY(window.document()->filePath().isEmpty());
        QVERIFY(window.document()->isModified());
        QVERIFY(!window.document()->kase().actors.isEmpty());
        QVERIFY(window.windowTitle().contains(QLatin1String("[*]")));
        // No events and no text to cite from: the empty timeline says what to do instead.
        QVERIFY2(window.timeline()->emptyText().contains(QLatin1String("sources are references only")),
                 qPrintable(window.timeline()->emptyText()));
    }

    void ourOwnBundleComesBackWithItsQuotes()
    {
        // A bundle this app wrote (without the article texts, the default) opens with every quote, each
        // of an article the case now only names: said, and not counted as unanchored.
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("apt31.stix.json"));
        QString error;
        QVERIFY2(window.exportDataTo(QStringLiteral("stix"), path, &error), qPrintable(error));
        const qsizetype events = window.document()->kase().events.size();
        qsizetype cited = 0;
        window.document()->kase().forEachCitation([&](const Citation &) { ++cited; });
        QSignalSpy finished(&window, &MainWindow::caseOpenFinished);
        answerNextMessageBox(QStringLiteral("OK"));
        window.openCaseInBackground(path);
        QVERIFY(finished.wait(20000));
        QCOMPARE(window.document()->kase().events.size(), events);
        QVERIFY(window.document()->kase().sources.first().referenceOnly);
        auto *status = window.findChild<QLabel *>(QStringLiteral("caseStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(
                     QStringLiteral("0 of %1 citations anchored \u00b7 %1 of a reference only").arg(cited)),
                 qPrintable(status->text()));
    }

    void timelineJsOpensToo()
    {
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        QSignalSpy finished(&window, &MainWindow::caseOpenFinished);
        QString shown;
        answerNextMessageBox(QStringLiteral("OK"), &shown);
        window.openCaseInBackground(QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-data/timelinejs3/eras.json"));
        QVERIFY(finished.wait(20000));
        QVERIFY(shown.contains(QLatin1String("TimelineJS file")));
        QCOMPARE(window.document()->kase().events.size(), 23); // 20 slides and 3 eras
    }

    void anInvalidBundleKeepsTheOpenCase()
    {
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        const QString title = window.document()->kase().title;
        QSignalSpy finished(&window, &MainWindow::caseOpenFinished);
        QString shown;
        answerNextMessageBox(QStringLiteral("OK"), &shown);
        window.openCaseInBackground(
            QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-data/oasis-stix21/invalid/invalid_timestamp.json"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(shown.contains(QLatin1String("could not be opened")), qPrintable(shown));
        // The problem itself at once, not only behind Show Details.
        QVERIFY2(shown.contains(QLatin1String("invalid_timestamp.json: modified: error:")), qPrintable(shown));
        QCOMPARE(window.document()->kase().title, title);
    }

    void emptyTimelineSaysWhy()
    {
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        EventFilter filter;
        filter.text = QStringLiteral("no event has these words zqxj");
        window.selection()->setFilter(filter);
        QVERIFY2(window.timeline()->emptyText().startsWith(QLatin1String("No event matches the filter.")),
                 qPrintable(window.timeline()->emptyText()));
        window.newCase();
        QVERIFY2(window.timeline()->emptyText().contains(QLatin1String("Add an article")),
                 qPrintable(window.timeline()->emptyText()));
    }

    void aNewCaseHasItsOwnId()
    {
        MainWindow window;
        window.newCase();
        const QString id = window.document()->kase().id;
        QVERIFY(!QUuid::fromString(id).isNull());
        window.newCase();
        QVERIFY(window.document()->kase().id != id);
    }

    void exportMenuHasEveryDataExport()
    {
        MainWindow window;
        QVERIFY(window.openCase(QString()));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("import")));
        QTemporaryDir dir;
        // TimelineJS groups follow the timeline's lanes (below); by category here, as --export's default.
        window.timeline()->setLaneMode(TimelineView::LaneMode::Category);
        for (const DataExport &e : dataExports()) {
            QAction *action = window.findChild<QAction *>(QStringLiteral("export-") + e.name);
            QVERIFY2(action, qPrintable(e.name));
            QVERIFY(action->text().startsWith(e.label));
            const QString path = dir.filePath(e.name + QLatin1Char('.') + e.suffix);
            QString error;
            QVERIFY2(window.exportDataTo(e.name, path, &error), qPrintable(error));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray written = f.readAll();
            // STIX and the HTML page carry the time they were made; the rest are the same bytes.
            if (e.name == QLatin1String("stix") || e.name == QLatin1String("html")) {
                QVERIFY(written.size() > 1000);
                QCOMPARE(written.left(20), writeDataExport(e.name, window.document()->kase()).left(20));
            } else {
                QCOMPARE(written, writeDataExport(e.name, window.document()->kase()));
            }
        }
        // By actor.
        window.timeline()->setLaneMode(TimelineView::LaneMode::Actor);
        const QString path = dir.filePath(QStringLiteral("by-actor.json"));
        QString error;
        QVERIFY(window.exportDataTo(QStringLiteral("timelinejs"), path, &error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        DataExportOptions byActor;
        byActor.lane = TimelineLane::Actor;
        QCOMPARE(f.readAll(), writeDataExport(u"timelinejs", window.document()->kase(), byActor));
        // No lanes, no groups: TimelineJS stacks the slides itself.
        window.timeline()->setLaneMode(TimelineView::LaneMode::None);
        QVERIFY(window.exportDataTo(QStringLiteral("timelinejs"), path, &error));
        QFile none(path);
        QVERIFY(none.open(QIODevice::ReadOnly));
        QVERIFY(!none.readAll().contains("\"group\""));
        // A folder that cannot be written says why.
        QVERIFY(!window.exportDataTo(QStringLiteral("stix"), QStringLiteral("/nonexistent/x.json"), &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent/x.json")));
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(tst_ExchangeWindow)
#include "tst_exchangewindow.moc"
