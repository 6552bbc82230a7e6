#include "citationpanel.h"

#include "casesession.h"
#include "formparts.h"
#include "plaintext.h"
#include "roleproxymodel.h"
#include "roles.h"
#include "selectionstate.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QSplitter>
#include <QVBoxLayout>

namespace AT {

namespace {

void setUpList(QListView *list)
{
    list->setWordWrap(true);
    list->setSpacing(3);
    list->setAlternatingRowColors(true);
    list->setUniformItemSizes(false);
    list->setResizeMode(QListView::Adjust);
    list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    showItemToolTipsAsPlainText(list);
}

// A titled section of the panel, so the splitter between sections carries the titles along.
QWidget *section(QLabel *title, QWidget *content)
{
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(title);
    layout->addWidget(content, 1);
    return w;
}
} // namespace

CitationPanel::CitationPanel(QWidget *parent)
    : QWidget(parent)
    , m_hidden(new QLabel)
    , m_title(new QLabel)
    , m_details(new QLabel)
    , m_notes(new QLabel)
    , m_claimsLabel(sectionLabel(QStringLiteral("Who says what")))
    , m_disagreementsLabel(sectionLabel(QStringLiteral("Where the accounts differ")))
    , m_citations(new QListView)
    , m_claims(new QListView)
    , m_disagreements(new QListView)
    , m_copyCitation(new QAction(QStringLiteral("&Copy Citation"), this))
    , m_claimCards(new RoleProxyModel(ClaimCardRole, this))
    , m_disagreementCards(new RoleProxyModel(DisagreementCardRole, this))
{
    for (QLabel *l : {m_hidden, m_title, m_details, m_notes}) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_title->setFont(big);
    m_title->setText(QStringLiteral("No event selected"));

    for (QListView *list : {m_citations, m_claims, m_disagreements}) {
        setUpList(list);
    }
    m_citations->setAccessibleName(QStringLiteral("Citations of the selected event"));
    m_claims->setAccessibleName(QStringLiteral("Who says what: claims about the selected event"));
    m_disagreements->setAccessibleName(QStringLiteral("Where the accounts differ"));

    m_claimSection = section(m_claimsLabel, m_claims);
    m_disagreementSection = section(m_disagreementsLabel, m_disagreements);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(section(sectionLabel(QStringLiteral("Citations")), m_citations));
    split->addWidget(m_claimSection);
    split->addWidget(m_disagreementSection);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    // Shown only when the filter hides the selected event: its citations stay readable, but the
    // reader is told why the timeline and the table no longer show it.
    m_hidden->setAutoFillBackground(true);
    m_hidden->setBackgroundRole(QPalette::ToolTipBase);
    m_hidden->setForegroundRole(QPalette::ToolTipText);
    m_hidden->setMargin(4);
    m_hidden->hide();
    layout->addWidget(m_hidden);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    // Notes look like notes: framed, on the tooltip colour, and labelled as the journalist's.
    m_notes->setFrameShape(QFrame::StyledPanel);
    m_notes->setAutoFillBackground(true);
    m_notes->setBackgroundRole(QPalette::ToolTipBase);
    m_notes->setForegroundRole(QPalette::ToolTipText);
    m_notes->setMargin(4);
    m_notes->setAccessibleName(QStringLiteral("Your notes on the event"));
    m_notes->hide();
    layout->addWidget(m_notes);
    layout->addWidget(split, 1);

    // Several citations can go to a note at once: Ctrl- and Shift-click extend the selection.
    m_citations->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_copyCitation->setShortcut(QKeySequence::Copy);
    m_copyCitation->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyCitation->setStatusTip(
        QStringLiteral("Copy the selected citations with their sources, for a story or a fact-check note"));
    m_copyCitation->setEnabled(false);
    m_citations->addAction(m_copyCitation);
    m_citations->installEventFilter(this);
    connect(m_copyCitation, &QAction::triggered, this, &CitationPanel::copySelectedCitations);
    m_citations->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_citations, &QWidget::customContextMenuRequested, this, &CitationPanel::showCitationMenu);

    connect(m_citations, &QListView::clicked, this, [this](const QModelIndex &i) { activate(i.row()); });
    connect(m_citations, &QListView::activated, this, [this](const QModelIndex &i) { activate(i.row()); });
}

void CitationPanel::setModels(QAbstractItemModel *citations, QAbstractItemModel *claims,
                              QAbstractItemModel *disagreements)
{
    m_citationModel = citations;
    m_citations->setModel(citations);
    connect(m_citations->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CitationPanel::updateCopyAction);
    connect(citations, &QAbstractItemModel::modelReset, this, &CitationPanel::updateCopyAction);
    m_claimCards->setSourceModel(claims);
    m_disagreementCards->setSourceModel(disagreements);
    m_claims->setModel(m_claimCards);
    m_disagreements->setModel(m_disagreementCards);
    connect(citations, &QAbstractItemModel::headerDataChanged, this, &CitationPanel::updateHeader);
    connect(citations, &QAbstractItemModel::modelReset, this, &CitationPanel::updateHeader);
    connect(claims, &QAbstractItemModel::modelReset, this, &CitationPanel::updateSections);
    connect(disagreements, &QAbstractItemModel::modelReset, this, &CitationPanel::updateSections);
    updateHeader();
    updateSections();
    updateCopyAction();
}

QString CitationPanel::headerText() const
{
    return m_title->text() + QLatin1Char('\n') + m_details->text();
}

void CitationPanel::updateHeader()
{
    const QAbstractItemModel *m = m_citationModel;
    if (!m || m->headerData(0, Qt::Horizontal, TitleRole).isNull()) {
        m_title->setText(QStringLiteral("No event selected"));
        m_details->setText(QStringLiteral("Select an event on the timeline or in the table to see its sources."));
        m_notes->hide();
        return;
    }
    m_title->setText(m->headerData(0, Qt::Horizontal, TitleRole).toString());
    const int sources = m->headerData(0, Qt::Horizontal, SourceCountRole).toInt();
    QString details = m->headerData(0, Qt::Horizontal, DateDescriptionRole).toString();
    details += QStringLiteral("\nReported by %1 of the case's sources").arg(sources);
    const QStringList participants = m->headerData(0, Qt::Horizontal, ParticipantsRole).toStringList();
    if (!participants.isEmpty()) {
        details += QStringLiteral("\n") + participants.join(QStringLiteral(", "));
    }
    const QString summary = m->headerData(0, Qt::Horizontal, SummaryRole).toString();
    if (!summary.isEmpty()) {
        details += QStringLiteral("\n") + summary;
    }
    m_details->setText(details);
    const QString notes = m->headerData(0, Qt::Horizontal, NotesRole).toString();
    m_notes->setText(QStringLiteral("Your notes (not from a source): ") + notes);
    m_notes->setVisible(!notes.isEmpty());
}

void CitationPanel::updateSections()
{
    const bool claims = m_claims->model() && m_claims->model()->rowCount() > 0;
    const bool disputes = m_disagreements->model() && m_disagreements->model()->rowCount() > 0;
    m_claimSection->setVisible(claims);
    m_disagreementSection->setVisible(disputes);
}

void CitationPanel::setSelectionState(SelectionState *state)
{
    m_selection = state;
}

void CitationPanel::setSession(CaseSession *session)
{
    m_session = session;
    setSelectionState(session->selection());
    connect(session, &CaseSession::visibleEventsChanged, this, &CitationPanel::updateHiddenNotice);
    connect(session, &CaseSession::caseChanged, this, &CitationPanel::updateHiddenNotice);
    connect(session->selection(), &SelectionState::currentEventChanged, this, &CitationPanel::updateHiddenNotice);
    updateHiddenNotice();
}

QString CitationPanel::hiddenNotice() const
{
    return m_hidden->isHidden() ? QString() : m_hidden->text();
}

void CitationPanel::updateHiddenNotice()
{
    const qsizetype event = m_session ? m_session->selection()->currentEvent() : -1;
    const bool hidden = event >= 0 && !m_session->isVisible(event);
    m_hidden->setText(hidden ? QStringLiteral("The filter hides this event: the timeline and the table do not show "
                                              "it. Clear the filter (Esc) to see it again.")
                             : QString());
    m_hidden->setVisible(hidden);
}

void CitationPanel::updateCopyAction()
{
    const QItemSelectionModel *selection = m_citations->selectionModel();
    m_copyCitation->setEnabled(selection && selection->hasSelection());
}

bool CitationPanel::copySelectedCitations()
{
    const QItemSelectionModel *selection = m_citations->selectionModel();
    if (!m_citationModel || !selection) {
        return false;
    }
    const QModelIndexList rows = selection->selectedRows();
    QMimeData *data = rows.isEmpty() ? nullptr : m_citationModel->mimeData(rows);
    if (!data) {
        return false;
    }
    QGuiApplication::clipboard()->setMimeData(data);
    Q_EMIT citationsCopied(static_cast<int>(rows.size()));
    return true;
}

bool CitationPanel::eventFilter(QObject *watched, QEvent *event)
{
    // With no citation selected the action is off and Ctrl+C would reach the list, which copies its
    // current row's display text: a quote without its source. Nothing is copied instead.
    if (watched == m_citations && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        event->accept();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void CitationPanel::showCitationMenu(const QPoint &pos)
{
    // A right click on a citation outside the selection copies that citation, as in a file manager.
    const QModelIndex at = m_citations->indexAt(pos);
    QItemSelectionModel *selection = m_citations->selectionModel();
    if (at.isValid() && selection && !selection->isSelected(at)) {
        selection->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect);
    }
    QMenu menu(this);
    menu.addAction(m_copyCitation);
    menu.exec(m_citations->viewport()->mapToGlobal(pos));
}

void CitationPanel::activate(int row)
{
    Q_EMIT citationActivated(row);
    if (m_selection) {
        m_selection->openCitation(row);
    }
}

} // namespace AT
