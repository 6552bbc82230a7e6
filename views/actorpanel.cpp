#include "actorpanel.h"

#include "plaintext.h"
#include "roles.h"
#include "selectionstate.h"

#include <QHeaderView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace AT {

ActorPanel::ActorPanel(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeView)
    , m_details(new QPlainTextEdit)
    , m_filter(new QPushButton(QStringLiteral("Only this actor's events")))
{
    m_tree->setAccessibleName(QStringLiteral("Actors"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    showItemToolTipsAsPlainText(m_tree);
    m_details->setReadOnly(true);
    m_details->setAccessibleName(QStringLiteral("Actor details"));
    m_details->setPlaceholderText(
        QStringLiteral("Select an actor to see its aliases, affiliations and the claims that name it."));
    m_filter->setCheckable(true);
    m_filter->setEnabled(false);
    m_filter->setToolTip(QStringLiteral("Restrict every view to the events of the selected actor"));

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_tree);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    layout->addWidget(m_filter);

    connect(m_filter, &QPushButton::toggled, this, [this](bool only) {
        if (!m_selection) {
            return;
        }
        EventFilter f = m_selection->filter();
        f.actors.clear();
        if (only && !m_selection->currentActor().isEmpty()) {
            f.actors.insert(m_selection->currentActor());
        }
        m_selection->setFilter(f);
    });
}

void ActorPanel::setModel(QAbstractItemModel *actors)
{
    m_model = actors;
    m_tree->setModel(actors);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->expandAll();
    connect(actors, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        // A new case resets the selection without a signal: show what it holds now.
        if (m_selection) {
            showActor(m_selection->currentActor());
            const QSignalBlocker blocker(m_filter);
            m_filter->setChecked(!m_selection->filter().actors.isEmpty());
        }
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_selection) {
                    m_selection->setCurrentActor(current.data(ActorIdRole).toString());
                }
            });
}

void ActorPanel::setSelectionState(SelectionState *state)
{
    m_selection = state;
    connect(state, &SelectionState::currentActorChanged, this, &ActorPanel::showActor);
    connect(state, &SelectionState::filterChanged, this, [this](const EventFilter &f) {
        const QSignalBlocker blocker(m_filter);
        m_filter->setChecked(!f.actors.isEmpty());
    });
}

QModelIndex ActorPanel::findActor(const QString &actorId) const
{
    if (!m_model || actorId.isEmpty()) {
        return {};
    }
    for (int k = 0; k < m_model->rowCount(); ++k) {
        const QModelIndex kind = m_model->index(k, 0);
        for (int r = 0; r < m_model->rowCount(kind); ++r) {
            const QModelIndex actor = m_model->index(r, 0, kind);
            if (actor.data(ActorIdRole).toString() == actorId) {
                return actor;
            }
        }
    }
    return {};
}

void ActorPanel::showActor(const QString &actorId)
{
    const QModelIndex actor = findActor(actorId);
    if (m_tree->currentIndex() != actor) {
        const QSignalBlocker blocker(m_tree->selectionModel());
        m_tree->setCurrentIndex(actor);
        m_tree->scrollTo(actor);
    }
    m_filter->setEnabled(actor.isValid());
    if (!actor.isValid()) {
        m_details->clear();
        return;
    }
    // Plain text only: nothing in a case is interpreted as markup.
    QString text = actor.data().toString() + QStringLiteral(" \u2014 ") + actor.data(ActorKindRole).toString();
    const QString description = actor.data(ActorDescriptionRole).toString();
    if (!description.isEmpty()) {
        text += QLatin1Char('\n') + description;
    }
    auto section = [&](const QString &title, const QStringList &lines) {
        if (!lines.isEmpty()) {
            text += QStringLiteral("\n\n") + title + QStringLiteral(":\n\u2022 ")
                + lines.join(QStringLiteral("\n\u2022 "));
        }
    };
    section(QStringLiteral("Also known as"), actor.data(AliasesRole).toStringList());
    section(QStringLiteral("Affiliations"), actor.data(AffiliationsRole).toStringList());
    section(QStringLiteral("Claims that name it"), actor.data(ActorClaimsRole).toStringList());
    const QString notes = actor.data(NotesRole).toString();
    if (!notes.isEmpty()) {
        text += QStringLiteral("\n\nYour notes (yours, not from a source):\n") + notes;
    }
    m_details->setPlainText(text);
}

} // namespace AT
