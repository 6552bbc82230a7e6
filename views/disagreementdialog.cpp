#include "disagreementdialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace AT {

DisagreementDialog::DisagreementDialog(const Case &kase, const Disagreement &disagreement, QWidget *parent)
    : FormDialog(kase, parent)
    , m_disagreement(disagreement)
    , m_question(new QLineEdit)
    , m_kind(new QComboBox)
    , m_versionGrid(new RowGrid({QStringLiteral("Version"), QStringLiteral("Citations")}, {4, 5},
                                QStringLiteral("&Add version"), QStringLiteral("No versions yet.")))
{
    m_versionGrid->setSeparated(true);
    setWindowTitle(kase.disagreement(disagreement.id) ? QStringLiteral("Edit disputed point")
                                                      : QStringLiteral("New disputed point"));
    m_question->setAccessibleName(QStringLiteral("Question"));
    m_question->setPlaceholderText(QStringLiteral("The disputed point, e.g. Which group breached the register?"));
    setKeptText(m_question, &m_keptQuestion, disagreement.question);
    // Fixed wordings, not case text: the combo box shows them as they are.
    m_kind->addItem(QStringLiteral("Conflict: the accounts cannot both be true as written"),
                    static_cast<int>(Disagreement::Kind::Conflict));
    m_kind->addItem(QStringLiteral("Less specific: one account only says less than another (not a conflict)"),
                    static_cast<int>(Disagreement::Kind::Specificity));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(disagreement.kind)));
    m_kind->setAccessibleName(QStringLiteral("Kind"));
    guardWheel(m_kind);
    for (const DisagreementVersion &v : disagreement.versions) {
        addVersion(v);
    }

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(plainLabel(QStringLiteral("&Question:"), m_question), m_question);
    form->addRow(plainLabel(QStringLiteral("&Kind:"), m_kind), m_kind);
    QScrollArea *versions = scrolled(m_versionGrid);
    versions->setMinimumHeight(200);
    auto *body = new QVBoxLayout;
    body->addLayout(form);
    body->addWidget(
        section(QStringLiteral("The versions the sources give (at least two)"), versions, m_versionGrid->addButton()),
        1);
    setBody(body);

    connect(m_versionGrid, &RowGrid::addClicked, this, [this] {
        addVersion({});
        m_versions.constLast().statement->setFocus();
        revalidate();
    });
    connect(m_versionGrid, &RowGrid::removeClicked, this, [this](int row) {
        m_versions.removeAt(row);
        m_versionGrid->removeRow(row);
        revalidate();
    });
    connect(m_question, &QLineEdit::textChanged, this, &DisagreementDialog::revalidate);
    resize(860, 600);
    revalidate();
}

void DisagreementDialog::addVersion(const DisagreementVersion &version)
{
    VersionRow row;
    row.statement = plainTextEdit(3);
    row.statement->setAccessibleName(QStringLiteral("Version %1: statement"));
    row.statement->setPlaceholderText(QStringLiteral("The version, in a sentence"));
    setKeptText(row.statement, &row.keptStatement, version.statement);
    row.citations = new CitationListEdit(&kase(), QStringLiteral("Version %1 citation"));
    row.citations->setCitations(version.citations);
    connect(row.statement, &QPlainTextEdit::textChanged, this, &DisagreementDialog::revalidate);
    m_versions.append(row);
    m_versionGrid->appendRow({row.statement, row.citations}, QStringLiteral("Remove version"),
                             QStringLiteral("Remove version %1"));
}

Disagreement DisagreementDialog::value() const
{
    Disagreement d = m_disagreement;
    d.question = keptText(m_question, m_keptQuestion);
    d.kind = static_cast<Disagreement::Kind>(m_kind->currentData().toInt());
    d.versions.clear();
    for (const VersionRow &row : m_versions) {
        d.versions.append({keptText(row.statement, row.keptStatement), row.citations->citations()});
    }
    return d;
}

QStringList DisagreementDialog::findProblems() const
{
    QStringList problems;
    if (m_question->text().trimmed().isEmpty()) {
        problems << QStringLiteral("Question: say what the sources disagree about.");
    }
    if (m_versions.size() < 2) {
        problems << QStringLiteral("Versions: a disputed point needs at least two competing versions; add %1.")
                        .arg(m_versions.isEmpty() ? QStringLiteral("two") : QStringLiteral("one more"));
    }
    for (int i = 0; i < m_versions.size(); ++i) {
        if (m_versions.at(i).statement->toPlainText().trimmed().isEmpty()) {
            problems << QStringLiteral("Version %1: state the version in a sentence, or remove it.").arg(i + 1);
        }
    }
    return problems;
}

} // namespace AT
