#include "exportdialog.h"

#include "casesession.h"
#include "chartmodel.h"
#include "plural.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace AT {

namespace {
constexpr int PreviewWidth = 440; // logical pixels
constexpr int PreviewHeight = 300;
const QString Csv = QStringLiteral("csv");
const QString Timeline = QStringLiteral("timeline");
const QString VisibleTimeline = QStringLiteral("timeline-visible");

// A PDF page the size of a composition (96 logical pixels an inch), in the portrait orientation
// QPageSize expects; the exporter turns every page to landscape.
QPageSize pageFor(QSize size)
{
    const QSizeF points(std::min(size.width(), size.height()) * 0.75, std::max(size.width(), size.height()) * 0.75);
    return QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch);
}
} // namespace

const QList<ExportDialog::PresetInfo> &ExportDialog::presets()
{
    // Paper pages: A4 and Letter in landscape, their proportions at 1600 pixels wide.
    static const QList<PresetInfo> list {
        {Preset::SocialCard, "Social card (1200 \u00d7 675)", {1200, 675}},
        {Preset::Square, "Square post (1080 \u00d7 1080)", {1080, 1080}},
        {Preset::ArticleColumn, "Article column (640 \u00d7 400)", {640, 400}},
        {Preset::Slide, "Slide (1920 \u00d7 1080)", {1920, 1080}},
        {Preset::A4, "A4 page, landscape (PDF)", {1600, 1131}},
        {Preset::Letter, "Letter page, landscape (PDF)", {1600, 1236}},
        {Preset::Custom, "Custom size", {}},
    };
    return list;
}

ExportDialog::ExportDialog(Exporter *exporter, CaseSession *session, QWidget *parent)
    : QDialog(parent)
    , m_exporter(exporter)
    , m_session(session)
    , m_what(new QComboBox)
    , m_preset(new QComboBox)
    , m_width(new QSpinBox)
    , m_height(new QSpinBox)
    , m_format(new QComboBox)
    , m_scale(new QDoubleSpinBox)
    , m_axis(new QComboBox)
    , m_title(new QLineEdit)
    , m_subtitle(new QLineEdit)
    , m_credit(new QLineEdit)
    , m_path(new QLineEdit)
    , m_preview(new QLabel)
    , m_error(new QLabel)
    , m_previewTimer(new QTimer(this))
{
    setWindowTitle(QStringLiteral("Export"));
    m_what->addItem(QStringLiteral("The whole timeline"), Timeline);
    m_what->addItem(QStringLiteral("The part of the timeline in view"), VisibleTimeline);
    for (ChartModel::Kind k : ChartModel::kinds()) {
        m_what->addItem(QStringLiteral("Chart: ") + ChartModel::title(k), ChartModel::exportName(k));
    }
    m_what->addItem(QStringLiteral("The shown events as a table (CSV)"), Csv);
    for (const PresetInfo &p : presets()) {
        m_preset->addItem(QString::fromUtf8(p.label), static_cast<int>(p.preset));
    }
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(200, 20000); // the exporter's limits
        box->setSuffix(QStringLiteral(" px"));
    }
    m_format->addItem(QStringLiteral("PNG image"), QStringLiteral("png"));
    m_format->addItem(QStringLiteral("SVG vector image (text as outlines)"), QStringLiteral("svg"));
    m_format->addItem(QStringLiteral("PDF document"), QStringLiteral("pdf"));
    m_format->addItem(QStringLiteral("CSV table"), Csv);
    m_scale->setRange(0.25, 8);
    m_scale->setSingleStep(0.5);
    m_scale->setDecimals(2);
    m_scale->setValue(2);
    m_scale->setSuffix(QStringLiteral("\u00d7"));
    m_scale->setToolTip(
        QStringLiteral("PNG only: pixels per logical pixel (2\u00d7 is sharp on high-density screens)"));
    m_axis->addItem(QStringLiteral("Automatic"), static_cast<int>(AxisMode::Automatic));
    m_axis->addItem(QStringLiteral("Linear (true to time)"), static_cast<int>(AxisMode::Linear));
    m_axis->addItem(QStringLiteral("Compressed (quiet years shortened)"), static_cast<int>(AxisMode::Compressed));
    m_title->setClearButtonEnabled(true);
    m_subtitle->setClearButtonEnabled(true);
    m_credit->setClearButtonEnabled(true);
    m_credit->setPlaceholderText(
        QStringLiteral("Sources: the articles behind what is shown. Made with Attribution Timeline."));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(PreviewWidth, PreviewHeight);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setAccessibleName(QStringLiteral("Preview"));

    auto *size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("\u00d7")));
    size->addWidget(m_height);
    size->addStretch(1);
    auto *where = new QHBoxLayout;
    where->addWidget(m_path, 1);
    auto *browse = new QPushButton(QStringLiteral("Choose\u2026"));
    where->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("&Export:"), m_what);
    form->addRow(QStringLiteral("&Title:"), m_title);
    form->addRow(QStringLiteral("S&ubtitle:"), m_subtitle);
    form->addRow(QStringLiteral("C&redit line:"), m_credit);
    form->addRow(QStringLiteral("&Size:"), m_preset);
    form->addRow(QString(), size);
    form->addRow(QStringLiteral("&Format:"), m_format);
    form->addRow(QStringLiteral("S&cale:"), m_scale);
    form->addRow(QStringLiteral("Time &axis:"), m_axis);
    form->addRow(QStringLiteral("Save to:"), where);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(QStringLiteral("Export"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto *columns = new QHBoxLayout;
    columns->addLayout(form, 1);
    columns->addWidget(m_preview);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150);
    connect(m_previewTimer, &QTimer::timeout, this, &ExportDialog::updatePreviewNow);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_path, &QLineEdit::textEdited, this, [this] { m_autoPath = false; });
    // A file name typed with another format's extension chooses that format.
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        const QString typed = Exporter::formatOf(path());
        if (!typed.isEmpty() && typed != format()) {
            setFormat(typed);
        }
    });
    connect(m_what, &QComboBox::currentIndexChanged, this, &ExportDialog::whatChosen);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ExportDialog::presetChosen);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChosen);
    for (QSpinBox *box : {m_width, m_height}) {
        connect(box, &QSpinBox::valueChanged, this, [this] {
            if (!m_settingPreset) {
                const QSignalBlocker block(m_preset);
                m_preset->setCurrentIndex(m_preset->findData(static_cast<int>(Preset::Custom)));
            }
            changed();
        });
    }
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &ExportDialog::changed);
    connect(m_axis, &QComboBox::currentIndexChanged, this, &ExportDialog::changed);
    for (QLineEdit *edit : {m_title, m_subtitle, m_credit}) {
        connect(edit, &QLineEdit::textChanged, this, &ExportDialog::changed);
    }
    restoreSettings();
    whatChosen();
    presetChosen();
    updatePreviewNow();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::choose(const QString &what, bool visibleOnly)
{
    const QString key = what == Timeline && visibleOnly ? VisibleTimeline : what;
    const int i = m_what->findData(key);
    if (i >= 0) {
        m_what->setCurrentIndex(i);
    }
}

void ExportDialog::choosePreset(Preset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(static_cast<int>(preset)));
}

ExportDialog::Preset ExportDialog::preset() const
{
    return static_cast<Preset>(m_preset->currentData().toInt());
}

void ExportDialog::setFormat(const QString &format)
{
    const int i = m_format->findData(format);
    if (i >= 0) {
        m_format->setCurrentIndex(i);
    }
}

QString ExportDialog::format() const
{
    return m_format->currentData().toString();
}

QString ExportDialog::exportName() const
{
    const QString what = m_what->currentData().toString();
    return what == VisibleTimeline || what == Csv ? Timeline : what;
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setPath(const QString &path)
{
    m_autoPath = false;
    m_path->setText(path);
}

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    o.size = QSize(m_width->value(), m_height->value());
    o.scale = m_scale->value();
    if (m_what->currentData().toString() == VisibleTimeline && m_session) {
        o.visibleWindowOnly = true;
        o.windowStart = m_session->selection()->windowStart();
        o.windowEnd = m_session->selection()->windowEnd();
    }
    switch (preset()) {
    case Preset::A4:
        o.pageSize = QPageSize(QPageSize::A4);
        break;
    case Preset::Letter:
        o.pageSize = QPageSize(QPageSize::Letter);
        break;
    default:
        o.pageSize = pageFor(o.size);
        break;
    }
    o.title = m_title->text();
    o.subtitle = m_subtitle->text();
    o.credit = m_credit->text();
    o.axis = static_cast<AxisMode>(m_axis->currentData().toInt());
    return o;
}

void ExportDialog::whatChosen()
{
    const QString what = m_what->currentData().toString();
    const bool csv = what == Csv;
    if (csv) {
        setFormat(Csv);
    } else if (format() == Csv) {
        setFormat(QStringLiteral("png"));
    }
    if (m_session) {
        const Case &kase = m_session->kase();
        QString title = kase.title;
        for (ChartModel::Kind k : ChartModel::kinds()) {
            if (ChartModel::exportName(k) == what) {
                title = ChartModel::title(k);
            }
        }
        m_title->setPlaceholderText(title);
    }
    // The file name follows the choice until the user names the file.
    if (m_autoPath || path().isEmpty()) {
        m_path->setText(QDir(m_folder).filePath(defaultFileName()));
        m_autoPath = true;
    }
    changed();
}

void ExportDialog::formatChosen()
{
    const bool csv = format() == Csv;
    if (csv != (m_what->currentData().toString() == Csv)) {
        // CSV is the events table; any other format is a picture of the timeline or a chart.
        const QSignalBlocker block(m_what);
        m_what->setCurrentIndex(m_what->findData(csv ? Csv : Timeline));
        whatChosen();
    }
    // The extension follows the format.
    QString p = path();
    if (!p.isEmpty()) {
        const QFileInfo info(p);
        p = info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + format());
        m_path->setText(p);
    }
    changed();
}

void ExportDialog::presetChosen()
{
    const Preset chosen = preset();
    for (const PresetInfo &p : presets()) {
        if (p.preset == chosen && p.size.isValid()) {
            m_settingPreset = true;
            m_width->setValue(p.size.width());
            m_height->setValue(p.size.height());
            m_settingPreset = false;
        }
    }
    if ((chosen == Preset::A4 || chosen == Preset::Letter) && format() != Csv) {
        setFormat(QStringLiteral("pdf"));
    }
    changed();
}

QString ExportDialog::defaultFileName() const
{
    const QString what = m_what->currentData().toString();
    const QString base = what == Csv ? QStringLiteral("events") : what;
    return base + QLatin1Char('.') + (what == Csv ? Csv : format());
}

void ExportDialog::changed()
{
    // A table has no size, title or axis; only PNG has a scale; only the timeline has a time axis.
    const bool csv = format() == Csv;
    for (QWidget *w : std::initializer_list<QWidget *> {m_title, m_subtitle, m_credit, m_preset, m_width, m_height}) {
        w->setEnabled(!csv);
    }
    m_scale->setEnabled(format() == QLatin1String("png"));
    m_axis->setEnabled(!csv && exportName() == Timeline);
    m_error->hide();
    m_previewTimer->start();
}

bool ExportDialog::previewPending() const
{
    return m_previewTimer->isActive();
}

QString ExportDialog::previewText() const
{
    return m_preview->text();
}

void ExportDialog::updatePreviewNow()
{
    m_previewTimer->stop();
    if (!m_session) {
        return;
    }
    if (format() == Csv) {
        // The table's first lines.
        QString error;
        const QByteArray csv = m_exporter->render(Timeline, Csv, options(), &error);
        QStringList lines = QString::fromUtf8(csv.left(4000)).split(QStringLiteral("\r\n"));
        lines = lines.mid(0, 12);
        m_previewImage = QImage();
        m_preview->setPixmap(QPixmap());
        m_preview->setText(csv.isEmpty() ? error : lines.join(QLatin1Char('\n')));
        m_preview->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        return;
    }
    ExportOptions o = options();
    // Small: the whole composition fits the preview box.
    const qreal dpr = devicePixelRatioF();
    o.scale = std::min(double(PreviewWidth) / o.size.width(), double(PreviewHeight) / o.size.height()) * dpr;
    if (format() == QLatin1String("pdf")) {
        // The page's proportions, as the PDF will have them.
        const QSizeF page = o.pageSize.size(QPageSize::Point);
        const double w = std::max(page.width(), page.height());
        const double h = std::min(page.width(), page.height());
        o.size.setHeight(std::max(150, int(std::lround(o.size.width() * h / w))));
        o.scale = std::min(double(PreviewWidth) / o.size.width(), double(PreviewHeight) / o.size.height()) * dpr;
    }
    m_previewImage = m_exporter->renderImage(exportName(), o);
    // The default words are the ones the preview just drew (they depend on the size: how many
    // events are drawn, how many sources the credit line has room for).
    m_subtitle->setPlaceholderText(m_exporter->lastLayout().subtitle);
    m_credit->setPlaceholderText(m_exporter->lastLayout().credit);
    QPixmap pixmap = QPixmap::fromImage(m_previewImage);
    pixmap.setDevicePixelRatio(dpr);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setPixmap(pixmap);
}

void ExportDialog::browse()
{
    const QString f = format();
    const QString filter = f == QLatin1String("png") ? QStringLiteral("PNG image (*.png)")
        : f == QLatin1String("svg")                  ? QStringLiteral("SVG vector image (*.svg)")
        : f == QLatin1String("pdf")                  ? QStringLiteral("PDF document (*.pdf)")
                                                     : QStringLiteral("CSV table (*.csv)");
    const QString chosen = QFileDialog::getSaveFileName(this, QStringLiteral("Export to"), path(), filter, nullptr,
                                                        QFileDialog::DontConfirmOverwrite);
    if (!chosen.isEmpty()) {
        m_autoPath = false;
        m_path->setText(chosen);
        const QString byName = Exporter::formatOf(chosen);
        if (!byName.isEmpty()) {
            setFormat(byName);
        }
    }
}

bool ExportDialog::exportNow(QString *error)
{
    QString p = path();
    if (Exporter::formatOf(p).isEmpty() && !p.isEmpty()) {
        p += QLatin1Char('.') + format();
    }
    QString why;
    bool ok = false;
    if (p.isEmpty()) {
        why = QStringLiteral("Choose where to save the export.");
    } else if (Exporter::formatOf(p) != format()) {
        why = QStringLiteral("%1: the file name ends in .%2 but the format is %3; change one of them.")
                  .arg(p, QFileInfo(p).suffix(), format().toUpper());
    } else {
        ok = m_exporter->exportTo(exportName(), p, options(), &why);
    }
    if (!ok) {
        m_error->setText(QStringLiteral("Not exported: ") + why);
        m_error->show();
        if (error) {
            *error = why;
        }
        return false;
    }
    m_path->setText(p);
    m_folder = QFileInfo(p).absolutePath();
    saveSettings();
    return true;
}

void ExportDialog::accept()
{
    const QString p = path();
    if (QFileInfo::exists(p)) {
        QMessageBox box(QMessageBox::Question, QStringLiteral("Replace file?"),
                        QStringLiteral("%1 exists. Replace it?").arg(p), QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setTextFormat(Qt::PlainText);
        if (box.exec() != QMessageBox::Yes) {
            return;
        }
    }
    if (exportNow()) {
        QDialog::accept();
    }
}

void ExportDialog::saveSettings() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("export"));
    s.setValue(QStringLiteral("folder"), m_folder);
    s.setValue(QStringLiteral("preset"), m_preset->currentData().toInt());
    s.setValue(QStringLiteral("width"), m_width->value());
    s.setValue(QStringLiteral("height"), m_height->value());
    if (format() != Csv) {
        s.setValue(QStringLiteral("format"), format());
    }
    s.setValue(QStringLiteral("scale"), m_scale->value());
    s.setValue(QStringLiteral("axis"), m_axis->currentData().toInt());
    // A byline is the same from one graphic to the next; a title is not.
    s.setValue(QStringLiteral("credit"), m_credit->text());
}

void ExportDialog::restoreSettings()
{
    QSettings s;
    s.beginGroup(QStringLiteral("export"));
    m_folder = s.value(QStringLiteral("folder")).toString();
    if (m_folder.isEmpty() || !QFileInfo(m_folder).isDir()) {
        m_folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        if (m_folder.isEmpty()) {
            m_folder = QDir::homePath();
        }
    }
    const QSignalBlocker b1(m_preset);
    const QSignalBlocker b2(m_format);
    const QSignalBlocker b3(m_width);
    const QSignalBlocker b4(m_height);
    const int preset = m_preset->findData(s.value(QStringLiteral("preset"), int(Preset::SocialCard)).toInt());
    m_preset->setCurrentIndex(std::max(0, preset));
    m_width->setValue(s.value(QStringLiteral("width"), 1200).toInt());
    m_height->setValue(s.value(QStringLiteral("height"), 675).toInt());
    setFormat(s.value(QStringLiteral("format"), QStringLiteral("png")).toString());
    m_scale->setValue(s.value(QStringLiteral("scale"), 2.0).toDouble());
    const int axis = m_axis->findData(s.value(QStringLiteral("axis"), int(AxisMode::Automatic)).toInt());
    m_axis->setCurrentIndex(std::max(0, axis));
    m_credit->setText(s.value(QStringLiteral("credit")).toString());
}

} // namespace AT
