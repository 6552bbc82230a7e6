#include "sourceimportdialog.h"

#include "dateedit.h"
#include "formparts.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QUrl>
#include <QVBoxLayout>

namespace AT {

namespace SourceImportDialogs {

// The text as the dialog shows it: a PDF's page breaks (form feeds) as a visible line.
QString shownText(const QString &text)
{
    if (!text.contains(QLatin1Char('\f'))) {
        return text;
    }
    const QStringList pages = text.split(QLatin1Char('\f'));
    QString out = pages.first();
    for (qsizetype i = 1; i < pages.size(); ++i) {
        out += QStringLiteral("\n\u2500\u2500\u2500 page %1 \u2500\u2500\u2500\n").arg(i + 1) + pages[i];
    }
    return out;
}

QString dateShown(const DatePointEdit *edit)
{
    if (!edit->problem().isEmpty()) {
        return QStringLiteral("not a date");
    }
    const DatePoint date = edit->point();
    return date.isValid() ? date.toDisplayString() : QStringLiteral("unknown");
}

} // namespace SourceImportDialogs

SourceImportDialog::SourceImportDialog(const SourceImport &imported, const QString &sourceId, QWidget *parent)
    : SourceImportDialog(imported, sourceId, false, parent)
{ }

SourceImportDialog *SourceImportDialog::forPastedText(const QString &sourceId, const QString &text, QWidget *parent)
{
    SourceImport pasted;
    pasted.kind = SourceImport::Kind::Pasted;
    pasted.source.text = text;
    pasted.source.retrieved = DatePoint::fromQDate(QDate::currentDate());
    return new SourceImportDialog(pasted, sourceId, true, parent);
}

SourceImportDialog::SourceImportDialog(const SourceImport &imported, const QString &sourceId, bool pasted,
                                       QWidget *parent)
    : QDialog(parent)
    , m_import(imported)
    , m_id(sourceId)
    , m_pasted(pasted)
    , m_text(new QPlainTextEdit)
    , m_title(new QLineEdit)
    , m_publisher(new QLineEdit)
    , m_url(new QLineEdit)
    , m_published(new DatePointEdit(QStringLiteral("Published")))
    , m_retrieved(new DatePointEdit(QStringLiteral("Retrieved")))
    , m_publishedShown(plainLabel(QString()))
    , m_retrievedShown(plainLabel(QString()))
    , m_summary(plainLabel(QString()))
    , m_notes(plainLabel(QString()))
    , m_problem(plainLabel(QString()))
    , m_inCase(new QRadioButton(QStringLiteral("In the case file")))
    , m_beside(new QRadioButton(QStringLiteral("In a file beside the case: %1").arg(besidePath(sourceId))))
{
    using namespace SourceImportDialogs;
    setWindowTitle(pasted ? QStringLiteral("Add Source from Pasted Text") : QStringLiteral("Add Source"));
    const Source &s = m_import.source;

    m_text->setPlainText(pasted ? s.text : shownText(s.text));
    m_text->setReadOnly(!pasted);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    if (pasted) {
        m_text->setPlaceholderText(QStringLiteral("Paste the source's text here. It is stored as it is and cited "
                                                  "word for word."));
    }

    m_title->setText(s.title);
    m_title->setPlaceholderText(QStringLiteral("none: named by its first words"));
    m_publisher->setText(s.publisher);
    m_publisher->setPlaceholderText(QStringLiteral("unknown"));
    m_url->setText(s.url);
    m_url->setPlaceholderText(QStringLiteral("unknown (https://\u2026)"));
    m_published->setPoint(s.published);
    m_retrieved->setPoint(s.retrieved);

    auto dateRow = [](DatePointEdit *edit, QLabel *shown) {
        auto *row = new QHBoxLayout;
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(edit, 1);
        shown->setMinimumWidth(shown->fontMetrics().horizontalAdvance(QStringLiteral("not a date 00")));
        row->addWidget(shown);
        return row;
    };
    auto *form = new QFormLayout;
    form->addRow(QStringLiteral("&Title:"), m_title);
    form->addRow(QStringLiteral("&Publisher:"), m_publisher);
    form->addRow(QStringLiteral("&URL:"), m_url);
    // A row that is a layout has no buddy of its own: the label's mnemonic needs one.
    auto buddyLabel = [](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text);
        label->setBuddy(buddy);
        return label;
    };
    form->addRow(buddyLabel(QStringLiteral("P&ublished:"), m_published->yearBox()),
                 dateRow(m_published, m_publishedShown));
    form->addRow(buddyLabel(QStringLiteral("&Retrieved:"), m_retrieved->yearBox()),
                 dateRow(m_retrieved, m_retrievedShown));
    auto *hint = plainLabel(QStringLiteral("Only what the source itself says. Leave a field empty (a date without "
                                           "its year) when it is unknown: it is shown as \u201cunknown\u201d, "
                                           "never guessed."));
    hint->setWordWrap(true);
    hint->setEnabled(false);
    form->addRow(hint);

    auto *storageBox = new QGroupBox(QStringLiteral("Keep the text"));
    auto *storageLayout = new QVBoxLayout(storageBox);
    storageLayout->addWidget(m_inCase);
    storageLayout->addWidget(m_beside);
    auto *storageHint = plainLabel(QStringLiteral("Beside the case, the text is a file of its own, written when "
                                                  "the case is saved; keep it with the case file."));
    storageHint->setWordWrap(true);
    storageHint->setEnabled(false);
    storageLayout->addWidget(storageHint);
    m_inCase->setChecked(true);
    if (s.referenceOnly) {
        // Source Details of a reference: no text at all (not an empty one), which only a re-import adds.
        m_text->setPlaceholderText(QStringLiteral("Reference only: the text is not in the case. To read and cite it, "
                                                  "get the text and re-import it from the file (Case > Re-import "
                                                  "Source Shown)."));
        storageBox->setEnabled(false);
    }

    m_notes->setWordWrap(true);
    m_notes->setText(m_import.notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!m_import.notes.isEmpty());

    auto *right = new QWidget;
    right->setMinimumWidth(440); // the date hints stay readable beside a text of long lines
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(form);
    rightLayout->addWidget(storageBox);
    rightLayout->addWidget(m_notes);
    rightLayout->addStretch(1);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(m_text, 1);

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_add = buttons->addButton(QStringLiteral("Add Source"), QDialogButtonBox::AcceptRole);
    m_add->setDefault(true);
    // Enter never throws the text and the metadata away: it adds, or (while something is missing)
    // does nothing; only Cancel or Esc cancel.
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (problem().isEmpty()) {
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {m_title, m_publisher, m_url}) {
        connect(edit, &QLineEdit::textChanged, this, &SourceImportDialog::updateState);
    }
    for (DatePointEdit *edit : {m_published, m_retrieved}) {
        connect(edit, &DatePointEdit::changed, this, &SourceImportDialog::updateState);
    }
    connect(m_text, &QPlainTextEdit::textChanged, this, &SourceImportDialog::updateState);
    resize(1100, 700);
    updateState();
    (pasted ? static_cast<QWidget *>(m_text) : m_title)->setFocus();
}

SourceImportDialog::~SourceImportDialog() = default;

QString SourceImportDialog::besidePath(const QString &sourceId)
{
    return QStringLiteral("sources/%1.txt").arg(sourceId);
}

SourceImportDialog::Storage SourceImportDialog::storage() const
{
    return m_beside->isChecked() ? Storage::BesideCase : Storage::InCaseFile;
}

void SourceImportDialog::setStorage(Storage storage)
{
    (storage == Storage::BesideCase ? m_beside : m_inCase)->setChecked(true);
}

QString SourceImportDialog::storedText() const
{
    if (!m_pasted) {
        return m_import.source.text;
    }
    return importPastedText(m_text->toPlainText()).source.text;
}

QString SourceImportDialog::problem() const
{
    using namespace SourceImportDialogs;
    if (m_pasted) {
        const SourceImport pasted = importPastedText(m_text->toPlainText());
        if (!pasted.ok()) {
            return m_text->toPlainText().trimmed().isEmpty() ? QStringLiteral("Paste the source's text into the box.")
                                                             : pasted.error;
        }
    }
    const QString url = m_url->text().trimmed();
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.scheme().isEmpty() || (parsed.host().isEmpty() && !parsed.isLocalFile())) {
            return QStringLiteral("The URL \u201c%1\u201d is not a full address: write it as it is in the browser's "
                                  "address bar, starting with https://, or leave it empty when unknown.")
                .arg(url);
        }
    }
    const std::pair<const DatePointEdit *, const char *> dates[]
        = {{m_published, "Publication date"}, {m_retrieved, "Retrieval date"}};
    for (const auto &[edit, what] : dates) {
        const QString why = edit->problem();
        if (!why.isEmpty()) {
            return QStringLiteral("%1: %2.").arg(QLatin1StringView(what), why);
        }
    }
    return {};
}

Source SourceImportDialog::source() const
{
    using namespace SourceImportDialogs;
    Source s = m_import.source;
    s.id = m_id;
    s.text = storedText();
    s.sha256 = sha256Hex(s.text);
    s.title = m_title->text().simplified();
    s.publisher = m_publisher->text().simplified();
    s.url = m_url->text().trimmed();
    s.published = m_published->problem().isEmpty() ? m_published->point() : DatePoint();
    s.retrieved = m_retrieved->problem().isEmpty() ? m_retrieved->point() : DatePoint();
    s.path = storage() == Storage::BesideCase ? besidePath(m_id) : QString();
    if (s.referenceOnly) {
        s.sha256 = m_import.source.sha256; // the hash of the text elsewhere
        s.path.clear();
    }
    return s;
}

void SourceImportDialog::updateState()
{
    using namespace SourceImportDialogs;
    m_publishedShown->setText(dateShown(m_published));
    m_retrievedShown->setText(dateShown(m_retrieved));

    m_summary->setText(m_import.source.referenceOnly ? QStringLiteral("Reference only: the text is not in the case")
                                                     : textSummary());

    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    if (m_add) {
        m_add->setEnabled(why.isEmpty());
    }
}

// "Web page · 1,204 words · 7,530 characters": what the text is, counted.
QString SourceImportDialog::textSummary() const
{
    using namespace SourceImportDialogs;
    const QString text = storedText();
    const QLocale locale;
    QStringList parts {kindName(m_import.kind)};
    parts.first()[0] = parts.first()[0].toUpper();
    if (m_import.pageCount > 0) {
        parts << (m_import.pageCount == 1 ? QStringLiteral("1 page")
                                          : QStringLiteral("%1 pages").arg(locale.toString(m_import.pageCount)));
    }
    qsizetype words = 0;
    bool inWord = false;
    for (const QChar c : text) {
        const bool space = c.isSpace();
        words += !space && !inWord;
        inWord = !space;
    }
    parts << QStringLiteral("%1 words").arg(locale.toString(words));
    parts << QStringLiteral("%1 characters").arg(locale.toString(text.size()));
    QString summary = parts.join(QStringLiteral(" \u00b7 "));
    if (text.contains(QLatin1Char('\f'))) {
        summary += QStringLiteral(" \u00b7 \u2500\u2500\u2500 page N \u2500\u2500\u2500 marks where a page begins");
    }
    return summary;
}

} // namespace AT
