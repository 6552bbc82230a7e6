#include "anchoring.h"
#include "dateedit.h"
#include "reimportdialog.h"
#include "sourceimportdialog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace AT;

namespace SourceImportDialogTest {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

const QByteArray Page = QByteArrayLiteral(
    "<!doctype html><html><head><title>Hackers &amp; the register</title>"
    "<meta property=\"og:site_name\" content=\"Example News\">"
    "<meta property=\"article:published_time\" content=\"2024-03-25T09:00:00Z\">"
    "<link rel=\"canonical\" href=\"https://news.example/register\"></head>"
    "<body><nav>Menu</nav><article><h1>Hackers hit the register</h1><p>The UK said on Monday it had summoned "
    "China&rsquo;s ambassador.</p><p>&lt;b&gt;not bold&lt;/b&gt;</p></article></body></html>");

Citation cite(const QString &text, const QString &quote)
{
    const TextIndex index(text);
    const qsizetype at = text.indexOf(quote);
    return citationOf(QStringLiteral("s1"), index, at, at + quote.size());
}

} // namespace SourceImportDialogTest

using namespace SourceImportDialogTest;

class tst_SourceImportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fileImportFillsTheFields();
    void unknownDatesAndBadInput();
    void pdfShowsItsPages();
    void pastedText();
    void reimportTable();
    void reimportNothingToReplace();

private:
    QTemporaryDir m_dir;
};

void tst_SourceImportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_SourceImportDialog::fileImportFillsTheFields()
{
    const SourceImport imported = importSourceFile(write(m_dir, QStringLiteral("page.html"), Page), QDate(2024, 4, 2));
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    SourceImportDialog dialog(imported, QStringLiteral("source-3"));
    QVERIFY(!dialog.isPasted());
    QVERIFY(dialog.textEdit()->isReadOnly());
    QCOMPARE(dialog.textEdit()->toPlainText(), imported.source.text);
    // Markup in the text is text: "<b>" is shown as written.
    QVERIFY(dialog.textEdit()->toPlainText().contains(QStringLiteral("<b>not bold</b>")));
    QCOMPARE(dialog.titleEdit()->text(), QStringLiteral("Hackers & the register"));
    QCOMPARE(dialog.publisherEdit()->text(), QStringLiteral("Example News"));
    QCOMPARE(dialog.urlEdit()->text(), QStringLiteral("https://news.example/register"));
    QCOMPARE(dialog.publishedEdit()->point(), DatePoint::fromDate(2024, 3, 25));
    QCOMPARE(dialog.publishedLabel()->text(), QStringLiteral("25 Mar 2024"));
    QCOMPARE(dialog.retrievedEdit()->point(), DatePoint::fromDate(2024, 4, 2));
    QVERIFY(dialog.summaryLabel()->text().startsWith(QStringLiteral("HTML")));
    QCOMPARE(dialog.notesLabel()->textFormat(), Qt::PlainText);
    QVERIFY(dialog.notesLabel()->text().contains(QStringLiteral("<article>")));
    QCOMPARE(dialog.storage(), SourceImportDialog::Storage::InCaseFile);
    QVERIFY(dialog.problem().isEmpty());
    QVERIFY(dialog.addButton()->isEnabled());

    Source s = dialog.source();
    QCOMPARE(s.id, QStringLiteral("source-3"));
    QCOMPARE(s.text, imported.source.text);
    QCOMPARE(s.sha256, sha256Hex(imported.source.text));
    QVERIFY(s.path.isEmpty());

    // The journalist's corrections, and the text kept beside the case.
    dialog.titleEdit()->setText(QStringLiteral("  Hackers hit the register  "));
    dialog.publisherEdit()->clear();
    dialog.besideCaseButton()->click();
    QCOMPARE(dialog.storage(), SourceImportDialog::Storage::BesideCase);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.addButton()->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    s = dialog.source();
    QCOMPARE(s.title, QStringLiteral("Hackers hit the register"));
    QVERIFY(s.publisher.isEmpty());
    QCOMPARE(s.path, QStringLiteral("sources/source-3.txt"));
    QCOMPARE(s.published, DatePoint::fromDate(2024, 3, 25));
    QCOMPARE(s.retrieved, DatePoint::fromDate(2024, 4, 2));
    QCOMPARE(s.text, imported.source.text);
}

void tst_SourceImportDialog::unknownDatesAndBadInput()
{
    const SourceImport imported = importPastedText(QStringLiteral("Some text."), QDate(2024, 4, 2));
    SourceImportDialog dialog(imported, QStringLiteral("s9"));
    QVERIFY(dialog.publishedEdit()->isEmpty());
    QCOMPARE(dialog.publishedLabel()->text(), QStringLiteral("unknown"));
    QVERIFY(!dialog.source().published.isValid());

    // A day that does not exist.
    dialog.publishedEdit()->yearBox()->setValue(2023);
    dialog.publishedEdit()->monthBox()->setCurrentIndex(2);
    dialog.publishedEdit()->dayBox()->setValue(30);
    QVERIFY(!dialog.addButton()->isEnabled());
    QVERIFY(!dialog.problemLabel()->isHidden());
    QVERIFY2(dialog.problem().contains(QStringLiteral("Publication date: "))
                 && dialog.problem().contains(QStringLiteral("30 February 2023 does not exist")),
             qPrintable(dialog.problem()));
    QCOMPARE(dialog.publishedLabel()->text(), QStringLiteral("not a date"));
    // Clicking Add does nothing while a field is wrong.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.addButton()->click();
    QVERIFY(dialog.isVisible());
    // Nor does Enter: it never cancels either (the text and metadata would be lost).
    dialog.titleEdit()->setFocus();
    QTest::keyClick(dialog.titleEdit(), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), 0);

    dialog.publishedEdit()->setPoint(DatePoint::fromYearMonth(2024, 3));
    QVERIFY(dialog.addButton()->isEnabled());
    QCOMPARE(dialog.publishedLabel()->text(), QStringLiteral("Mar 2024"));
    QVERIFY(dialog.problemLabel()->isHidden());
    QCOMPARE(dialog.source().published, DatePoint::fromYearMonth(2024, 3));

    dialog.urlEdit()->setText(QStringLiteral("example.org/story"));
    QVERIFY(!dialog.addButton()->isEnabled());
    QVERIFY(dialog.problem().contains(QStringLiteral("https://")));
    dialog.urlEdit()->setText(QStringLiteral("https://example.org/story"));
    QVERIFY(dialog.addButton()->isEnabled());

    dialog.retrievedEdit()->setPoint(DatePoint::fromDate(2024, 4, 2));
    dialog.retrievedEdit()->dayBox()->setValue(31);
    dialog.retrievedEdit()->monthBox()->setCurrentIndex(4);
    QVERIFY(dialog.problem().startsWith(QStringLiteral("Retrieval date: ")));
    dialog.retrievedEdit()->setPoint(DatePoint());
    QVERIFY(dialog.problem().isEmpty());
    QCOMPARE(dialog.retrievedLabel()->text(), QStringLiteral("unknown"));
    QVERIFY(!dialog.source().retrieved.isValid()); // unknown is allowed
}

void tst_SourceImportDialog::pdfShowsItsPages()
{
    const QString path = m_dir.filePath(QStringLiteral("two.pdf"));
    {
        QPdfWriter writer(path);
        writer.setResolution(72);
        QPainter painter(&writer);
        painter.drawText(QPointF(40, 60), QStringLiteral("Page one text"));
        writer.newPage();
        painter.drawText(QPointF(40, 60), QStringLiteral("Page two text"));
    }
    const SourceImport imported = importSourceFile(path);
    QVERIFY2(imported.ok(), qPrintable(imported.error));
    SourceImportDialog dialog(imported, QStringLiteral("s1"));
    QVERIFY2(dialog.summaryLabel()->text().contains(QStringLiteral("PDF \u00b7 2 pages")),
             qPrintable(dialog.summaryLabel()->text()));
    QVERIFY(dialog.textEdit()->toPlainText().contains(QStringLiteral("page 2")));
    // What is stored keeps the form feed, not the marker.
    QCOMPARE(dialog.source().text, imported.source.text);
    QCOMPARE(dialog.source().text.count(QLatin1Char('\f')), 1);
}

void tst_SourceImportDialog::pastedText()
{
    std::unique_ptr<SourceImportDialog> dialog(SourceImportDialog::forPastedText(QStringLiteral("source-1")));
    QVERIFY(dialog->isPasted());
    QVERIFY(!dialog->textEdit()->isReadOnly());
    QVERIFY(!dialog->addButton()->isEnabled());
    QVERIFY(dialog->problem().contains(QStringLiteral("Paste")));
    QCOMPARE(dialog->retrievedEdit()->point(), DatePoint::fromQDate(QDate::currentDate()));
    dialog->textEdit()->setPlainText(QStringLiteral("Pasted line one\r\nline two"));
    QVERIFY(dialog->addButton()->isEnabled());
    dialog->titleEdit()->setText(QStringLiteral("<img src=x> Statement"));
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    dialog->addButton()->click();
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const Source s = dialog->source();
    QCOMPARE(s.id, QStringLiteral("source-1"));
    QCOMPARE(s.text, QStringLiteral("Pasted line one\nline two"));
    QCOMPARE(s.sha256, sha256Hex(s.text));
    QCOMPARE(s.title, QStringLiteral("<img src=x> Statement")); // kept as typed: text, never markup
    QVERIFY(s.url.isEmpty());
    QVERIFY(s.path.isEmpty());

    std::unique_ptr<SourceImportDialog> filled(
        SourceImportDialog::forPastedText(QStringLiteral("source-2"), QStringLiteral("From the clipboard")));
    QCOMPARE(filled->source().text, QStringLiteral("From the clipboard"));
    QVERIFY(filled->addButton()->isEnabled());
}

void tst_SourceImportDialog::reimportTable()
{
    const QString oldText = QStringLiteral("Alpha <i>quote</i> one. Beta quote two. Gamma quote three.");
    const QString newText = QStringLiteral("New start. Alpha <i>quote</i> one. Gamma quote three. Gamma quote three.");
    Case kase;
    Source s;
    s.id = QStringLiteral("s1");
    s.text = oldText;
    kase.sources = {s};
    Event e;
    e.id = QStringLiteral("e1");
    e.title = QStringLiteral("An <b>event</b>");
    e.citations
        = {cite(oldText, QStringLiteral("Alpha <i>quote</i> one")), cite(oldText, QStringLiteral("Beta quote two")),
           cite(oldText, QStringLiteral("Gamma quote three."))};
    e.citations[2].prefix.clear();
    e.citations[2].suffix.clear();
    kase.events = {e};
    const ReimportPreview preview = previewReimport(kase, QStringLiteral("s1"), newText);
    QCOMPARE(preview.reanchored, 1);
    QCOMPARE(preview.orphaned, 1);
    QCOMPARE(preview.ambiguous, 1);

    ReimportDialog dialog(preview, QStringLiteral("Statement"));
    QTableWidget *table = dialog.table();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->columnCount(), int(ReimportDialog::ColumnCount));
    // Broken ones first.
    QCOMPARE(table->item(0, ReimportDialog::StatusColumn)->text(), QStringLiteral("not found"));
    QCOMPARE(table->item(0, ReimportDialog::QuoteColumn)->text(), QStringLiteral("Beta quote two"));
    QCOMPARE(table->item(1, ReimportDialog::StatusColumn)->text(), QStringLiteral("ambiguous"));
    QCOMPARE(table->item(2, ReimportDialog::StatusColumn)->text(), QStringLiteral("moves"));
    QCOMPARE(table->item(2, ReimportDialog::QuoteColumn)->text(), QStringLiteral("Alpha <i>quote</i> one"));
    QCOMPARE(table->item(2, ReimportDialog::WhereColumn)->text(), QStringLiteral("event \u201cAn <b>event</b>\u201d"));
    QCOMPARE(table->item(2, ReimportDialog::PositionColumn)->text(), QStringLiteral("0\u201322 \u2192 11\u201333"));
    QCOMPARE(table->item(0, ReimportDialog::PositionColumn)->text(), QStringLiteral("24\u201338 \u2192 \u2014"));
    // Tooltips are escaped: markup in a quote shows as written.
    QVERIFY(table->item(2, ReimportDialog::QuoteColumn)->toolTip().contains(QStringLiteral("&lt;i&gt;")));
    QCOMPARE(dialog.rows().at(0).status, Citation::Anchor::Orphaned);
    QCOMPARE(dialog.summaryLabel()->textFormat(), Qt::PlainText);
    QVERIFY2(dialog.summaryLabel()->text().startsWith(
                 QStringLiteral("3 citations of \u201cStatement\u201d with the new text: 0 in the same place, 1 moves, "
                                "1 is ambiguous and 1 is not found.")),
             qPrintable(dialog.summaryLabel()->text()));
    QVERIFY(dialog.replaceButton()->isEnabled());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.replaceButton()->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void tst_SourceImportDialog::reimportNothingToReplace()
{
    Case kase;
    Source s;
    s.id = QStringLiteral("s1");
    s.text = QStringLiteral("Same text");
    kase.sources = {s};
    ReimportDialog same(previewReimport(kase, QStringLiteral("s1"), s.text), QStringLiteral("S"));
    QVERIFY(!same.replaceButton()->isEnabled());
    QVERIFY(same.summaryLabel()->text().contains(QStringLiteral("same as the stored text")));
    ReimportDialog uncited(previewReimport(kase, QStringLiteral("s1"), QStringLiteral("Other text")),
                           QStringLiteral("S"));
    QVERIFY(uncited.replaceButton()->isEnabled());
    QCOMPARE(uncited.table()->rowCount(), 0);
    QVERIFY(uncited.summaryLabel()->text().contains(QStringLiteral("Nothing in the case cites")));
}

QTEST_MAIN(tst_SourceImportDialog)
#include "tst_sourceimportdialog.moc"
