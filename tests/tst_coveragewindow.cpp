// Source coverage in the window: the reader marks unreviewed and reviewed sentences and says why on
// hover, F8 walks the unreviewed ones, Mark Reviewed and Unmark are undo steps whose marks show at
// once, the status bar and the Coverage tab follow every edit.
#include "casedocument.h"
#include "caseeditor.h"
#include "coveragepanel.h"
#include "mainwindow.h"
#include "reviewdialog.h"
#include "roles.h"
#include "selectionstate.h"
#include "sourcecoverage.h"
#include "sourcepanel.h"
#include "sourcereader.h"
#include "windowtest.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace AT;
using namespace AT::WindowTest;

namespace CoverageWindowTest {

const QString OneUnreviewed = QStringLiteral(AT_SOURCE_DIR "/tests/data/coverage-one-unreviewed.json");
const QString Spokesman = QStringLiteral("A spokesman called the claims \x1b[31mbaseless.");

// The statuses of the reader's sentence marks: C cited, R reviewed, - unreviewed.
QString marks(const SourceReader *reader)
{
    QString out;
    for (const SourceReader::SentenceMark &m : reader->sentenceMarks()) {
        out += m.status == int(SentenceStatus::Cited)   ? QLatin1Char('C')
            : m.status == int(SentenceStatus::Reviewed) ? QLatin1Char('R')
                                                        : QLatin1Char('-');
    }
    return out;
}

void putCursor(SourceReader *reader, const QString &words)
{
    QTextCursor cursor(reader->document());
    cursor.setPosition(static_cast<int>(reader->toPlainText().indexOf(words) + 2));
    reader->setTextCursor(cursor);
}

} // namespace CoverageWindowTest

using namespace CoverageWindowTest;

class tst_CoverageWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void init()
    {
        m_window = new MainWindow;
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY(m_window->openCase(OneUnreviewed));
        m_window->selection()->setCurrentSource(QStringLiteral("s1"));
        m_reader = m_window->sourcePanel()->reader();
    }
    void cleanup() { delete m_window; }

    void readerMarksSentences()
    {
        QCOMPARE(marks(m_reader), QStringLiteral("CC-R"));
        QCOMPARE(m_window->coverageStatus(),
                 QStringLiteral("\u201cA short report\u201d: 3 of 4 sentences accounted for (75%), 1 unreviewed"));
        const qint64 spokesman = m_reader->toPlainText().indexOf(Spokesman);
        QVERIFY(m_reader->toolTipAt(spokesman + 3).startsWith(QStringLiteral("Unreviewed: ")));
        QCOMPARE(m_reader->toolTipAt(m_reader->toPlainText().indexOf(QStringLiteral("Subscribe"))),
                 QStringLiteral("Reviewed, not used: boilerplate."));
        QCOMPARE(m_reader->toolTipAt(0), QStringLiteral("Cited by event \u201cHackers breach the commission\u201d."));
        QCOMPARE(m_reader->toolTipAt(40), QString()); // between two sentences
        // The unreviewed sentence is marked by a format of its own, not the citations' shade.
        bool unreviewedShown = false;
        for (const QTextEdit::ExtraSelection &s : m_reader->extraSelections()) {
            if (s.cursor.selectionStart() == spokesman) {
                unreviewedShown = s.format.underlineStyle() == QTextCharFormat::DotLine;
            }
        }
        QVERIFY(unreviewedShown);
    }

    void nextUnreviewedSentence()
    {
        auto *next = m_window->findChild<QAction *>(QStringLiteral("nextUnreviewed"));
        QVERIFY(next);
        QCOMPARE(next->shortcut(), QKeySequence(Qt::Key_F8));
        next->trigger();
        QCOMPARE(m_reader->textCursor().selectedText(), Spokesman);
        QVERIFY(m_window->sourcePanel()->status().startsWith(QStringLiteral("Unreviewed sentence 1 of 1")));
        // Only one: F8 again wraps round to it.
        next->trigger();
        QCOMPARE(m_reader->textCursor().selectedText(), Spokesman);
        m_window->findChild<QAction *>(QStringLiteral("previousUnreviewed"))->trigger();
        QCOMPARE(m_reader->textCursor().selectedText(), Spokesman);
    }

    void markReviewedAtTheCursorAndUndo()
    {
        putCursor(m_reader, Spokesman);
        QVERIFY(m_window->editor()->markReviewedAction()->isEnabled());
        QVERIFY(m_window->editor()->markReviewed(ReviewReason::Opinion, QStringLiteral("a spokesman's word")));
        const ReviewedPassage &mark = m_window->document()->kase().reviewed.last();
        QCOMPARE(mark.passage.quote, Spokesman); // the whole sentence at the cursor
        QCOMPARE(mark.passage.start, 72);
        QCOMPARE(marks(m_reader), QStringLiteral("CCRR"));
        QCOMPARE(m_window->coverageStatus(),
                 QStringLiteral("\u201cA short report\u201d: 4 of 4 sentences accounted for (100%), 0 unreviewed"));
        QVERIFY(m_reader->toolTipAt(75).contains(QStringLiteral("opinion \u2014 a spokesman's word")));
        m_window->findChild<QAction *>(QStringLiteral("nextUnreviewed"))->trigger();
        QCOMPARE(m_window->sourcePanel()->status(),
                 QStringLiteral("Every sentence of every source is cited or marked reviewed."));
        m_window->document()->undoStack()->undo();
        QCOMPARE(marks(m_reader), QStringLiteral("CC-R"));
        QCOMPARE(m_window->coverageStatus(),
                 QStringLiteral("\u201cA short report\u201d: 3 of 4 sentences accounted for (75%), 1 unreviewed"));
    }

    void markReviewedInTheDialog()
    {
        QVERIFY(selectInReader(*m_window, QStringLiteral("s1"), QStringLiteral("A spokesman called")));
        bool okWithoutNote = true;
        m_window->editor()->setDialogRunner([&](QDialog *dialog) {
            auto *review = qobject_cast<ReviewDialog *>(dialog);
            if (!review) {
                return false;
            }
            review->reasonBox()->setCurrentIndex(review->reasonBox()->findData(int(ReviewReason::Duplicate)));
            okWithoutNote = review->okButton()->isEnabled();
            review->noteEdit()->setText(QStringLiteral("of the spokesman's words in s2"));
            return review->okButton()->isEnabled();
        });
        m_window->editor()->markReviewedAction()->trigger();
        QVERIFY(!okWithoutNote); // a duplicate says of what
        const ReviewedPassage &mark = m_window->document()->kase().reviewed.last();
        QCOMPARE(mark.passage.quote, QStringLiteral("A spokesman called")); // the selection, as selected
        QCOMPARE(mark.reason, ReviewReason::Duplicate);
        QCOMPARE(mark.note, QStringLiteral("of the spokesman's words in s2"));
        QCOMPARE(marks(m_reader), QStringLiteral("CCRR"));
        QVERIFY(m_window->document()->undoStack()->undoText().startsWith(QStringLiteral("Mark ")));
    }

    void unmark()
    {
        putCursor(m_reader, QStringLiteral("Subscribe"));
        QVERIFY(m_window->editor()->unmarkReviewedAction()->isEnabled());
        m_window->editor()->unmarkReviewedAction()->trigger();
        QVERIFY(m_window->document()->kase().reviewed.isEmpty());
        QCOMPARE(marks(m_reader), QStringLiteral("CC--"));
        QCOMPARE(m_window->coverageStatus(),
                 QStringLiteral("\u201cA short report\u201d: 2 of 4 sentences accounted for (50%), 2 unreviewed"));
        QVERIFY(!m_window->editor()->unmarkReviewedAction()->isEnabled());
    }

    void coverageTab()
    {
        CoveragePanel *panel = m_window->coveragePanel();
        QCOMPARE(m_window->tabs()->tabText(m_window->tabs()->indexOf(panel)), QStringLiteral("Coverage"));
        m_window->tabs()->setCurrentWidget(panel);
        QCOMPARE(panel->summary(), m_window->coverageStatus());
        QTableView *table = panel->table();
        QCOMPARE(table->model()->rowCount(), 4);
        panel->statusFilter()->setCurrentIndex(panel->statusFilter()->findData(int(SentenceStatus::Unreviewed)));
        QCOMPARE(table->model()->rowCount(), 1);
        const QModelIndex row = table->model()->index(0, 0);
        QCOMPARE(row.data(SentenceTextRole).toString(), Spokesman);
        // Activating it shows it in the reader.
        Q_EMIT table->activated(row);
        QCOMPARE(m_reader->textCursor().selectedText(), Spokesman);
        panel->statusFilter()->setCurrentIndex(0);
        QCOMPARE(table->model()->rowCount(), 4);
        // After an edit the tab follows.
        putCursor(m_reader, Spokesman);
        QVERIFY(m_window->editor()->markReviewed(ReviewReason::Background));
        QCOMPARE(panel->summary(),
                 QStringLiteral("\u201cA short report\u201d: 4 of 4 sentences accounted for (100%), 0 unreviewed"));
        QCOMPARE(table->model()->index(2, 1).data().toString(), QStringLiteral("reviewed"));
    }

    void referenceOnlySourceSaysSo()
    {
        QVERIFY(m_window->openCase(QStringLiteral(AT_SOURCE_DIR "/tests/data/coverage-complete.json")));
        m_window->selection()->setCurrentSource(QStringLiteral("ref1"));
        QCOMPARE(m_window->coverageStatus(),
                 QStringLiteral("\u201cReport on the breach\u201d: reference only: the text is not in the case"));
        QVERIFY(!m_window->editor()->markReviewedAction()->isEnabled());
        m_window->selection()->setCurrentSource(QStringLiteral("s1"));
        QCOMPARE(m_window->coverageStatus(),
                 QStringLiteral("\u201cA short report\u201d: 4 of 4 sentences accounted for (100%), 0 unreviewed"));
    }

private:
    MainWindow *m_window = nullptr;
    SourceReader *m_reader = nullptr;
};

QTEST_MAIN(tst_CoverageWindow)
#include "tst_coveragewindow.moc"
