#include "exportdialog.h"
#include "exporter.h"
#include "testcases.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AT;

namespace ExportDialogTest {
// Pixels that are not the white background.
int inkPixels(const QImage &image)
{
    int n = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        for (int x = 0; x < rgb.width(); ++x) {
            if (rgb.pixel(x, y) != qRgb(255, 255, 255)) {
                ++n;
            }
        }
    }
    return n;
}

// The mean absolute difference of two images of one size, per channel (0 to 255).
double meanDifference(const QImage &a, const QImage &b)
{
    double sum = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
        }
    }
    return sum / (3.0 * a.width() * a.height());
}
} // namespace ExportDialogTest

class tst_ExportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void presetSetsTheSize_data();
    void presetSetsTheSize();
    void editingTheSizeMakesItCustom();
    void typedExtensionChoosesTheFormat();
    void optionsMatchTheFields();
    void whatToExport();
    void choicesPersistAcrossDialogs();
    void previewIsDrawnAfterAShortPause();
    void failureIsShownAsPlainText();

private:
    CaseSession m_session;
    std::unique_ptr<Exporter> m_exporter;
    QTemporaryDir m_dir;
};

void tst_ExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_session.setCase(Test::builtinCase());
    m_exporter = std::make_unique<Exporter>(&m_session);
    QVERIFY(m_dir.isValid());
}

void tst_ExportDialog::init()
{
    QSettings().clear();
}

void tst_ExportDialog::presetSetsTheSize_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QPageSize>("page");
    using P = ExportDialog::Preset;
    QTest::newRow("social card") << int(P::SocialCard) << QSize(1200, 675) << QStringLiteral("png") << QPageSize();
    QTest::newRow("square") << int(P::Square) << QSize(1080, 1080) << QStringLiteral("png") << QPageSize();
    QTest::newRow("article column") << int(P::ArticleColumn) << QSize(640, 400) << QStringLiteral("png") << QPageSize();
    QTest::newRow("slide") << int(P::Slide) << QSize(1920, 1080) << QStringLiteral("png") << QPageSize();
    QTest::newRow("A4") << int(P::A4) << QSize(1600, 1131) << QStringLiteral("pdf") << QPageSize(QPageSize::A4);
    QTest::newRow("Letter") << int(P::Letter) << QSize(1600, 1236) << QStringLiteral("pdf")
                            << QPageSize(QPageSize::Letter);
}

void tst_ExportDialog::presetSetsTheSize()
{
    QFETCH(int, preset);
    QFETCH(QSize, size);
    QFETCH(QString, format);
    QFETCH(QPageSize, page);
    ExportDialog dialog(m_exporter.get(), &m_session);
    // From another preset, so that every row is a change.
    dialog.choosePreset(preset == int(ExportDialog::Preset::Slide) ? ExportDialog::Preset::Square
                                                                   : ExportDialog::Preset::Slide);
    dialog.choosePreset(static_cast<ExportDialog::Preset>(preset));
    QCOMPARE(dialog.widthBox()->value(), size.width());
    QCOMPARE(dialog.heightBox()->value(), size.height());
    QCOMPARE(dialog.options().size, size);
    QCOMPARE(dialog.format(), format);
    if (page.isValid()) {
        QVERIFY(dialog.options().pageSize.isEquivalentTo(page));
    } else {
        // A PDF of a screen preset is a page of its proportions.
        const QSizeF points = dialog.options().pageSize.size(QPageSize::Point);
        QCOMPARE(qRound(std::max(points.width(), points.height()) * 1000 / std::min(points.width(), points.height())),
                 qRound(std::max(size.width(), size.height()) * 1000.0 / std::min(size.width(), size.height())));
    }
}

void tst_ExportDialog::typedExtensionChoosesTheFormat()
{
    ExportDialog dialog(m_exporter.get(), &m_session);
    dialog.choosePreset(ExportDialog::Preset::Letter);
    QCOMPARE(dialog.format(), QStringLiteral("pdf"));
    dialog.choosePreset(ExportDialog::Preset::ArticleColumn);
    dialog.pathEdit()->selectAll();
    QTest::keyClicks(dialog.pathEdit(), QDir::temp().filePath(QStringLiteral("card.png")));
    QCOMPARE(dialog.format(), QStringLiteral("pdf")); // not while typing
    Q_EMIT dialog.pathEdit()->editingFinished(); // as when the field loses focus
    QCOMPARE(dialog.format(), QStringLiteral("png"));
    QVERIFY(dialog.path().endsWith(QStringLiteral("card.png")));
}

void tst_ExportDialog::editingTheSizeMakesItCustom()
{
    ExportDialog dialog(m_exporter.get(), &m_session);
    dialog.choosePreset(ExportDialog::Preset::Slide);
    dialog.widthBox()->setValue(800);
    QCOMPARE(dialog.preset(), ExportDialog::Preset::Custom);
    QCOMPARE(dialog.options().size, QSize(800, 1080));
}

void tst_ExportDialog::optionsMatchTheFields()
{
    ExportDialog dialog(m_exporter.get(), &m_session);
    // Empty fields mean the exporter's defaults, which are shown as placeholders.
    QCOMPARE(dialog.options().title, QString());
    QCOMPARE(dialog.titleEdit()->placeholderText(), m_session.kase().title);
    // The default subtitle and credit line are the exporter's own, as the preview drew them.
    QTRY_VERIFY(!dialog.previewPending());
    QCOMPARE(dialog.subtitleEdit()->placeholderText(), m_exporter->lastLayout().subtitle);
    QCOMPARE(dialog.creditEdit()->placeholderText(), m_exporter->lastLayout().credit);
    QVERIFY(dialog.creditEdit()->placeholderText().startsWith(QStringLiteral("Sources")));
    dialog.titleEdit()->setText(QStringLiteral("Ten years of APT31"));
    dialog.subtitleEdit()->setText(QStringLiteral("What the sources say"));
    dialog.creditEdit()->setText(QStringLiteral("Graphic: the desk"));
    dialog.axisBox()->setCurrentIndex(dialog.axisBox()->findData(int(AxisMode::Compressed)));
    dialog.setFormat(QStringLiteral("png"));
    dialog.scaleBox()->setValue(3);
    dialog.widthBox()->setValue(900);
    dialog.heightBox()->setValue(500);
    const ExportOptions o = dialog.options();
    QCOMPARE(o.title, QStringLiteral("Ten years of APT31"));
    QCOMPARE(o.subtitle, QStringLiteral("What the sources say"));
    QCOMPARE(o.credit, QStringLiteral("Graphic: the desk"));
    QCOMPARE(o.axis, AxisMode::Compressed);
    QCOMPARE(o.scale, 3.0);
    QCOMPARE(o.size, QSize(900, 500));
    QVERIFY(!o.visibleWindowOnly);
    dialog.axisBox()->setCurrentIndex(dialog.axisBox()->findData(int(AxisMode::Linear)));
    QCOMPARE(dialog.options().axis, AxisMode::Linear);
}

void tst_ExportDialog::whatToExport()
{
    m_session.selection()->setWindow(QDate(2020, 1, 1).toJulianDay(), QDate(2022, 1, 1).toJulianDay());
    ExportDialog dialog(m_exporter.get(), &m_session);
    dialog.choose(QStringLiteral("timeline"), true);
    QCOMPARE(dialog.exportName(), QStringLiteral("timeline"));
    ExportOptions o = dialog.options();
    QVERIFY(o.visibleWindowOnly);
    QCOMPARE(o.windowStart, double(QDate(2020, 1, 1).toJulianDay()));
    QCOMPARE(o.windowEnd, double(QDate(2022, 1, 1).toJulianDay()));
    QVERIFY(dialog.axisBox()->isEnabled());
    // Every chart can be chosen, and takes its own title as the default.
    for (const QString &name : Exporter::names().mid(1)) {
        dialog.choose(name);
        QCOMPARE(dialog.exportName(), name);
        QVERIFY(!dialog.options().visibleWindowOnly);
        QVERIFY(!dialog.axisBox()->isEnabled());
        QVERIFY(dialog.titleEdit()->placeholderText() != m_session.kase().title);
        QVERIFY(dialog.path().endsWith(name + QStringLiteral(".png")));
    }
    dialog.choose(QStringLiteral("csv"));
    QCOMPARE(dialog.format(), QStringLiteral("csv"));
    QCOMPARE(dialog.exportName(), QStringLiteral("timeline"));
    QVERIFY(dialog.path().endsWith(QStringLiteral("events.csv")));
    QVERIFY(!dialog.titleEdit()->isEnabled());
    // A picture format leaves the table.
    dialog.setFormat(QStringLiteral("svg"));
    QCOMPARE(dialog.exportName(), QStringLiteral("timeline"));
    QVERIFY(dialog.path().endsWith(QStringLiteral(".svg")));
    QVERIFY(dialog.titleEdit()->isEnabled());
}

void tst_ExportDialog::choicesPersistAcrossDialogs()
{
    const QString path = m_dir.filePath(QStringLiteral("square.svg"));
    {
        ExportDialog dialog(m_exporter.get(), &m_session);
        dialog.choosePreset(ExportDialog::Preset::Square);
        dialog.setFormat(QStringLiteral("svg"));
        dialog.scaleBox()->setValue(3);
        dialog.axisBox()->setCurrentIndex(dialog.axisBox()->findData(int(AxisMode::Linear)));
        dialog.titleEdit()->setText(QStringLiteral("Only for this one"));
        dialog.creditEdit()->setText(QStringLiteral("Graphic: the desk"));
        dialog.setPath(path);
        QString error;
        QVERIFY2(dialog.exportNow(&error), qPrintable(error));
        QVERIFY(QFileInfo(path).size() > 1000);
    }
    ExportDialog again(m_exporter.get(), &m_session);
    QCOMPARE(again.preset(), ExportDialog::Preset::Square);
    QCOMPARE(again.options().size, QSize(1080, 1080));
    QCOMPARE(again.format(), QStringLiteral("svg"));
    QCOMPARE(again.options().scale, 3.0);
    QCOMPARE(again.options().axis, AxisMode::Linear);
    QCOMPARE(again.options().credit, QStringLiteral("Graphic: the desk"));
    QCOMPARE(again.options().title, QString()); // a title is per graphic
    QCOMPARE(QFileInfo(again.path()).absolutePath(), QFileInfo(path).absolutePath());
    QVERIFY(again.path().endsWith(QStringLiteral("timeline.svg")));
}

void tst_ExportDialog::previewIsDrawnAfterAShortPause()
{
    ExportDialog dialog(m_exporter.get(), &m_session);
    dialog.choosePreset(ExportDialog::Preset::SocialCard);
    dialog.updatePreviewNow();
    QImage wide = dialog.previewImage();
    QVERIFY(!wide.isNull());
    QVERIFY(wide.width() <= 441 * dialog.devicePixelRatioF());
    QVERIFY(ExportDialogTest::inkPixels(wide) > wide.width() * wide.height() / 50);
    QCOMPARE(qRound(wide.width() * 100.0 / wide.height()), qRound(1200 * 100.0 / 675));
    // The whole composition, shrunk: close to a full-size export scaled down, not a corner of it.
    ExportOptions full = dialog.options();
    full.scale = 1;
    const QImage reference = m_exporter->renderImage(dialog.exportName(), full)
                                 .scaled(wide.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                 .convertToFormat(QImage::Format_RGB32);
    QCOMPARE(ExportDialogTest::meanDifference(wide.convertToFormat(QImage::Format_RGB32), reference) < 12, true);
    // A change redraws it after a short pause, not at every keystroke.
    dialog.choosePreset(ExportDialog::Preset::Square);
    QVERIFY(dialog.previewPending());
    QCOMPARE(dialog.previewImage().size(), wide.size());
    QTRY_VERIFY(!dialog.previewPending());
    const QImage square = dialog.previewImage();
    QVERIFY(qAbs(square.width() - square.height()) <= 1);
    QVERIFY(ExportDialogTest::inkPixels(square) > 0);
    // CSV: the table's first lines as text.
    dialog.choose(QStringLiteral("csv"));
    dialog.updatePreviewNow();
    QVERIFY(dialog.previewImage().isNull());
    QVERIFY(dialog.previewText().count(QLatin1Char('\n')) >= 5);
}

void tst_ExportDialog::failureIsShownAsPlainText()
{
    ExportDialog dialog(m_exporter.get(), &m_session);
    dialog.setPath(m_dir.filePath(QStringLiteral("no-such-folder/<b>x</b>.png")));
    QString error;
    QVERIFY(!dialog.exportNow(&error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!dialog.errorLabel()->isHidden());
    QCOMPARE(dialog.errorLabel()->textFormat(), Qt::PlainText);
    QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("<b>x</b>")));
    // A file name that says another format than the one chosen is refused, not silently changed.
    dialog.setFormat(QStringLiteral("pdf"));
    dialog.setPath(m_dir.filePath(QStringLiteral("a.png")));
    QVERIFY(!dialog.exportNow(&error));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("a.png"))));
}

QTEST_MAIN(tst_ExportDialog)
#include "tst_exportdialog.moc"
