#include "citationlistmodel.h"
#include "mainwindow.h"
#include "roles.h"
#include "selectionstate.h"
#include "sourcereader.h"
#include "timelineview.h"

#include <QApplication>
#include <QListView>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace AT;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void selectingAnEventShowsItsCitations();
    void clickingACitationOpensTheReaderAtTheQuote();
    void enterOpensFirstCitation();
    void tableFollowsSelection();
    void badCaseKeepsTheOpenCase();
    void sourceTextIsPlain();

private:
    MainWindow *m_window = nullptr;
    qsizetype eventIndex(const QString &id) const;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void tst_MainWindow::init()
{
    m_window = new MainWindow;
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(m_window->openInitialCase(QString()));
}

void tst_MainWindow::cleanup()
{
    delete m_window;
}

qsizetype tst_MainWindow::eventIndex(const QString &id) const
{
    QAbstractItemModel *model = m_window->eventTable()->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data(EventIdRole).toString() == id) {
            return model->index(r, 0).data(EventIndexRole).value<qsizetype>();
        }
    }
    return -1;
}

void tst_MainWindow::selectingAnEventShowsItsCitations()
{
    const qsizetype ec = eventIndex(QStringLiteral("ev-2021-22-electoral-commission"));
    QVERIFY(ec >= 0);
    QTest::mouseClick(m_window->timeline(), Qt::LeftButton, {}, m_window->timeline()->eventRect(ec).center().toPoint());
    QCOMPARE(m_window->selection()->currentEvent(), ec);
    QAbstractItemModel *citations = m_window->citationView()->model();
    QCOMPARE(citations->rowCount(), 4);
    QVERIFY(citations->index(0, 0).data().toString().contains(QStringLiteral("highly likely compromised")));
}

void tst_MainWindow::clickingACitationOpensTheReaderAtTheQuote()
{
    m_window->selection()->setCurrentEvent(eventIndex(QStringLiteral("ev-2021-22-electoral-commission")));
    QListView *list = m_window->citationView();
    const QModelIndex second = list->model()->index(1, 0);
    const QString quote = second.data(QuoteRole).toString();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(second).center());
    SourceReader *reader = m_window->sourceReader();
    QCOMPARE(reader->sourceTitle(), second.data(SourceTitleRole).toString());
    // Exactly the quoted range is selected ...
    QCOMPARE(reader->textCursor().selectedText(), quote);
    const auto passage = reader->selectedPassage();
    QCOMPARE(reader->toPlainText().mid(passage.start, passage.end - passage.start), quote);
    // ... and it is visible.
    const QRect cursorRect = reader->cursorRect();
    QVERIFY(reader->viewport()->rect().intersects(cursorRect));
}

void tst_MainWindow::enterOpensFirstCitation()
{
    const qsizetype event = eventIndex(QStringLiteral("ev-2024-03-26-nz-concerns"));
    m_window->selection()->setCurrentEvent(event);
    m_window->timeline()->setFocus();
    QTest::keyClick(m_window->timeline(), Qt::Key_Return);
    QVERIFY(m_window->sourceReader()->textCursor().selectedText().startsWith(
        QStringLiteral("On Tuesday, the New Zealand government")));
}

void tst_MainWindow::tableFollowsSelection()
{
    const qsizetype event = eventIndex(QStringLiteral("ev-2018-opinion-firm"));
    m_window->selection()->setCurrentEvent(event);
    const QModelIndex current = m_window->eventTable()->currentIndex();
    QCOMPARE(current.data(EventIndexRole).value<qsizetype>(), event);
    // And the other way: choosing a row in the table selects the event everywhere.
    const QModelIndex other = m_window->eventTable()->model()->index(3, 0);
    m_window->eventTable()->setCurrentIndex(other);
    QCOMPARE(m_window->selection()->currentEvent(), other.data(EventIndexRole).value<qsizetype>());
}

void tst_MainWindow::badCaseKeepsTheOpenCase()
{
    const int rows = m_window->eventTable()->model()->rowCount();
    // The error dialog is modal; close it as soon as it shows.
    QTimer::singleShot(0, this, [] {
        if (QWidget *w = QApplication::activeModalWidget()) {
            w->close();
        }
    });
    QVERIFY(!m_window->openCase(QStringLiteral("/nonexistent/broken.json")));
    QCOMPARE(m_window->eventTable()->model()->rowCount(), rows);
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("APT31")));
}

void tst_MainWindow::sourceTextIsPlain()
{
    SourceReader reader;
    reader.showSource(QStringLiteral("t"), QStringLiteral("<b>bold</b> <img src=\"http://example.invalid/x.png\">"),
                      {});
    QCOMPARE(reader.toPlainText(), QStringLiteral("<b>bold</b> <img src=\"http://example.invalid/x.png\">"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
