#include "caseeditor.h"

#include "actordialog.h"
#include "anchoring.h"
#include "casedialog.h"
#include "casedocument.h"
#include "casereader.h"
#include "casereport.h"
#include "casewriter.h"
#include "claimdialog.h"
#include "disagreementdialog.h"
#include "eventdialog.h"
#include "plaintext.h"
#include "references.h"
#include "reimport.h"
#include "reimportdialog.h"
#include "reviewdialog.h"
#include "reviewing.h"
#include "selectionstate.h"
#include "sentences.h"
#include "sourceimport.h"
#include "sourceimportdialog.h"
#include "sourcereader.h"

#include <QAction>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace AT {

QString shortQuote(const QString &text, int words)
{
    const QStringList parts = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString out = parts.mid(0, words).join(QLatin1Char(' '));
    if (parts.size() > words) {
        out += QStringLiteral("\u2026");
    }
    return QStringLiteral("\u201c%1\u201d").arg(out);
}

namespace {

QAction *makeAction(QObject *parent, const QString &text, const QKeySequence &shortcut = {})
{
    auto *a = new QAction(text, parent);
    if (!shortcut.isEmpty()) {
        a->setShortcut(shortcut);
        a->setShortcutContext(Qt::WindowShortcut);
    }
    return a;
}

bool hasCitation(const QList<Citation> &list, const Citation &c)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const Citation &x) {
        return x.sourceId == c.sourceId && x.start == c.start && x.end == c.end;
    });
}

} // namespace

CaseEditor::CaseEditor(CaseDocument *document, SelectionState *selection, SourceReader *reader, QWidget *parent)
    : QObject(parent)
    , m_document(document)
    , m_selection(selection)
    , m_reader(reader)
    , m_parent(parent)
    , m_citeInEvent(makeAction(this, QStringLiteral("&Cite Selection in Current Event"),
                               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C)))
    , m_newEventFromSelection(makeAction(this, QStringLiteral("New &Event from Selection\u2026"),
                                         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E)))
    , m_newClaimFromSelection(makeAction(this, QStringLiteral("New C&laim from Selection\u2026"),
                                         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L)))
    , m_aliasFromSelection(makeAction(this, QStringLiteral("Selection as &Alias of Current Actor"),
                                      QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A)))
    , m_citeForActor(makeAction(this, QStringLiteral("Cite Selection for Current Ac&tor")))
    , m_citeInClaim(makeAction(this, QStringLiteral("Cite Selection in a Claim\u2026")))
    , m_citeInDisagreement(makeAction(this, QStringLiteral("Cite Selection in a &Disagreement\u2026")))
    , m_newEvent(makeAction(this, QStringLiteral("New Event\u2026")))
    , m_newActor(makeAction(this, QStringLiteral("New Actor\u2026")))
    , m_newClaim(makeAction(this, QStringLiteral("New Claim\u2026")))
    , m_newDisagreement(makeAction(this, QStringLiteral("New Disagreement\u2026")))
    , m_editEvent(makeAction(this, QStringLiteral("Edit Current E&vent\u2026"), QKeySequence(Qt::Key_F2)))
    , m_editActor(makeAction(this, QStringLiteral("Edit Current Act&or\u2026"), QKeySequence(Qt::SHIFT | Qt::Key_F2)))
    , m_editClaim(makeAction(this, QStringLiteral("Edit Claim\u2026")))
    , m_editDisagreement(makeAction(this, QStringLiteral("Edit Disagreement\u2026")))
    , m_editHeading(makeAction(this, QStringLiteral("Case &Title and Description\u2026")))
    , m_deleteEvent(makeAction(this, QStringLiteral("Delete Current Event\u2026")))
    , m_deleteActor(makeAction(this, QStringLiteral("Delete Current Actor\u2026")))
    , m_deleteClaim(makeAction(this, QStringLiteral("Delete Claim\u2026")))
    , m_deleteDisagreement(makeAction(this, QStringLiteral("Delete Disagreement\u2026")))
    , m_deleteSource(makeAction(this, QStringLiteral("Delete Source Shown\u2026")))
    , m_addSourceFile(makeAction(this, QStringLiteral("Add &Source from File\u2026"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)))
    , m_addSourceText(makeAction(this, QStringLiteral("Add Source from &Pasted Text\u2026")))
    , m_reimportSource(makeAction(this, QStringLiteral("&Re-import Source Shown\u2026")))
    , m_editSource(makeAction(this, QStringLiteral("Source &Details\u2026")))
    , m_check(makeAction(this, QStringLiteral("C&heck Case\u2026"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K)))
    , m_markReviewed(
          makeAction(this, QStringLiteral("&Mark Reviewed\u2026"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R)))
    , m_unmarkReviewed(makeAction(this, QStringLiteral("&Unmark Reviewed")))
{
    m_markReviewed->setToolTip(QStringLiteral("Mark the selection, or the sentence at the cursor, as read and "
                                              "deliberately not used, with why (source coverage)"));
    m_unmarkReviewed->setToolTip(QStringLiteral("Take the reviewed mark off the selection, or the sentence at the "
                                                "cursor"));
    connect(m_markReviewed, &QAction::triggered, this, [this] { markReviewed(); });
    connect(m_unmarkReviewed, &QAction::triggered, this, [this] { unmarkReviewed(); });
    m_check->setToolTip(
        QStringLiteral("What attribution-timeline --check would say about the case as it would be saved now"));
    connect(m_check, &QAction::triggered, this, &CaseEditor::showCheckReport);
    m_citeInEvent->setToolTip(
        QStringLiteral("Add the passage selected in the source reader to the current event's citations"));
    connect(m_citeInEvent, &QAction::triggered, this, [this] { citeSelectionInCurrentEvent(); });
    connect(m_aliasFromSelection, &QAction::triggered, this, [this] { addSelectionAsAlias(); });
    connect(m_citeForActor, &QAction::triggered, this, [this] { citeSelectionForCurrentActor(); });
    connect(m_citeInClaim, &QAction::triggered, this, [this] { citeSelectionInClaim(); });
    connect(m_citeInDisagreement, &QAction::triggered, this, [this] { citeSelectionInDisagreement(); });
    connect(m_newEventFromSelection, &QAction::triggered, this, [this] { newEventFromSelection(); });
    connect(m_newClaimFromSelection, &QAction::triggered, this, [this] { newClaimFromSelection(); });
    connect(m_newEvent, &QAction::triggered, this, [this] { newEvent(); });
    connect(m_newActor, &QAction::triggered, this, [this] { newActor(); });
    connect(m_newClaim, &QAction::triggered, this, [this] {
        Claim c;
        c.eventId = currentEventId();
        newClaim(c);
    });
    connect(m_newDisagreement, &QAction::triggered, this, [this] { newDisagreement(); });
    connect(m_editEvent, &QAction::triggered, this, [this] { editEvent(currentEventId()); });
    connect(m_editActor, &QAction::triggered, this,
            [this] { editActor(m_selection ? m_selection->currentActor() : QString()); });
    connect(m_editHeading, &QAction::triggered, this, [this] { editHeading(); });
    connect(m_editClaim, &QAction::triggered, this, [this] {
        QList<std::pair<QString, QString>> items;
        const QString eventId = currentEventId();
        for (const Claim &c : m_document->kase().claims) {
            if (!eventId.isEmpty() && c.eventId == eventId) {
                items.prepend(std::pair {c.id, c.statement});
            } else {
                items << std::pair {c.id, c.statement};
            }
        }
        const QString id = choose(QStringLiteral("Edit Claim"), QStringLiteral("Claim:"), items);
        if (!id.isEmpty()) {
            editClaim(id);
        }
    });
    connect(m_editDisagreement, &QAction::triggered, this, [this] {
        QList<std::pair<QString, QString>> items;
        for (const Disagreement &d : m_document->kase().disagreements) {
            items << std::pair {d.id, d.question};
        }
        const QString id = choose(QStringLiteral("Edit Disagreement"), QStringLiteral("Disagreement:"), items);
        if (!id.isEmpty()) {
            editDisagreement(id);
        }
    });
    connect(m_addSourceFile, &QAction::triggered, this, [this] { addSourceFromFile(); });
    connect(m_addSourceText, &QAction::triggered, this, [this] { addPastedSource(); });
    connect(m_reimportSource, &QAction::triggered, this,
            [this] { reimportSource(m_selection ? m_selection->currentSource() : QString()); });
    connect(m_editSource, &QAction::triggered, this,
            [this] { editSourceDetails(m_selection ? m_selection->currentSource() : QString()); });
    connect(m_deleteEvent, &QAction::triggered, this, [this] { deleteEntity(EntityKind::Event, currentEventId()); });
    connect(m_deleteActor, &QAction::triggered, this,
            [this] { deleteEntity(EntityKind::Actor, m_selection ? m_selection->currentActor() : QString()); });
    connect(m_deleteSource, &QAction::triggered, this,
            [this] { deleteEntity(EntityKind::Source, m_selection ? m_selection->currentSource() : QString()); });
    connect(m_deleteClaim, &QAction::triggered, this, [this] {
        QList<std::pair<QString, QString>> items;
        for (const Claim &c : m_document->kase().claims) {
            items << std::pair {c.id, c.statement};
        }
        const QString id = choose(QStringLiteral("Delete Claim"), QStringLiteral("Claim:"), items);
        if (!id.isEmpty()) {
            deleteEntity(EntityKind::Claim, id);
        }
    });
    connect(m_deleteDisagreement, &QAction::triggered, this, [this] {
        QList<std::pair<QString, QString>> items;
        for (const Disagreement &d : m_document->kase().disagreements) {
            items << std::pair {d.id, d.question};
        }
        const QString id = choose(QStringLiteral("Delete Disagreement"), QStringLiteral("Disagreement:"), items);
        if (!id.isEmpty()) {
            deleteEntity(EntityKind::Disagreement, id);
        }
    });

    if (m_selection) {
        connect(m_selection, &SelectionState::currentEventChanged, this, &CaseEditor::updateEnabled);
        connect(m_selection, &SelectionState::currentActorChanged, this, &CaseEditor::updateEnabled);
        connect(m_selection, &SelectionState::currentSourceChanged, this, &CaseEditor::updateEnabled);
    }
    if (m_reader) {
        connect(m_reader, &SourceReader::selectionChanged, this, &CaseEditor::updateEnabled);
    }
    connect(m_document, &CaseDocument::caseEdited, this, &CaseEditor::updateEnabled);
    connect(m_document, &CaseDocument::caseReset, this, &CaseEditor::updateEnabled);
    updateEnabled();
}

void CaseEditor::fillMenu(QMenu *menu) const
{
    menu->addAction(m_addSourceFile);
    menu->addAction(m_addSourceText);
    menu->addAction(m_reimportSource);
    menu->addAction(m_editSource);
    menu->addSeparator();
    for (QAction *a : readerActions()) {
        menu->addAction(a);
    }
    menu->addSeparator();
    for (QAction *a : reviewActions()) {
        menu->addAction(a);
    }
    menu->addSeparator();
    menu->addAction(m_newEvent);
    menu->addAction(m_newActor);
    menu->addAction(m_newClaim);
    menu->addAction(m_newDisagreement);
    menu->addSeparator();
    menu->addAction(m_editEvent);
    menu->addAction(m_editActor);
    menu->addAction(m_editClaim);
    menu->addAction(m_editDisagreement);
    menu->addAction(m_editHeading);
    menu->addSeparator();
    menu->addAction(m_deleteEvent);
    menu->addAction(m_deleteActor);
    menu->addAction(m_deleteClaim);
    menu->addAction(m_deleteDisagreement);
    menu->addAction(m_deleteSource);
    menu->addSeparator();
    menu->addAction(m_check);
}

QList<QAction *> CaseEditor::readerActions() const
{
    return {m_citeInEvent,  m_newEventFromSelection, m_newClaimFromSelection, m_aliasFromSelection,
            m_citeForActor, m_citeInClaim,           m_citeInDisagreement};
}

void CaseEditor::updateEnabled()
{
    const bool selected = !selectedCitation().quote.isEmpty();
    const bool event = !currentEventId().isEmpty();
    const bool actor = m_selection && m_document->kase().actor(m_selection->currentActor());
    const bool source = m_selection && m_document->kase().source(m_selection->currentSource());
    m_citeInEvent->setEnabled(selected && event);
    m_newEventFromSelection->setEnabled(selected);
    m_newClaimFromSelection->setEnabled(selected);
    m_aliasFromSelection->setEnabled(selected && actor);
    m_citeForActor->setEnabled(selected && actor);
    m_citeInClaim->setEnabled(selected && !m_document->kase().claims.isEmpty());
    m_citeInDisagreement->setEnabled(selected && !m_document->kase().disagreements.isEmpty());
    m_editEvent->setEnabled(event);
    m_deleteEvent->setEnabled(event);
    m_editActor->setEnabled(actor);
    m_deleteActor->setEnabled(actor);
    m_editClaim->setEnabled(!m_document->kase().claims.isEmpty());
    m_deleteClaim->setEnabled(!m_document->kase().claims.isEmpty());
    m_editDisagreement->setEnabled(!m_document->kase().disagreements.isEmpty());
    m_deleteDisagreement->setEnabled(!m_document->kase().disagreements.isEmpty());
    m_deleteSource->setEnabled(source);
    // Cheap on every selection change: whether there is a sentence at the cursor is found on use.
    const Source *shownSource = m_selection ? m_document->kase().source(m_selection->currentSource()) : nullptr;
    m_markReviewed->setEnabled(shownSource && !shownSource->referenceOnly);
    const QString shown = m_selection ? m_selection->currentSource() : QString();
    m_unmarkReviewed->setEnabled(std::any_of(m_document->kase().reviewed.cbegin(), m_document->kase().reviewed.cend(),
                                             [&](const ReviewedPassage &r) { return r.passage.sourceId == shown; }));
    m_reimportSource->setEnabled(source);
    m_editSource->setEnabled(source);
}

QString CaseEditor::currentEventId() const
{
    if (!m_selection) {
        return {};
    }
    const qsizetype e = m_selection->currentEvent();
    const Case &kase = m_document->kase();
    return e >= 0 && e < kase.events.size() ? kase.events[e].id : QString();
}

Citation CaseEditor::selectedCitation() const
{
    if (!m_selection || !m_reader) {
        return {};
    }
    const Source *source = m_document->kase().source(m_selection->currentSource());
    if (!source || source->referenceOnly) {
        return {}; // a reference only has no text to cite from
    }
    const SourceReader::Passage p = m_reader->selectedPassage();
    if (p.start < 0 || p.end <= p.start) {
        return {};
    }
    return citationOf(source->id, TextIndex(source->text), p.start, p.end);
}

Citation CaseEditor::passageToReview() const
{
    const Citation selected = selectedCitation();
    if (!selected.quote.isEmpty() || !m_selection || !m_reader) {
        return selected;
    }
    const Source *source = m_document->kase().source(m_selection->currentSource());
    if (!source || source->referenceOnly) {
        return {};
    }
    const TextIndex index(source->text);
    const qint64 at = index.toCodePoint(m_reader->selectedPassage().start);
    for (const TextSpan &s : splitSentences(source->text)) {
        if (s.start <= at && at < s.end) {
            return citationOf(source->id, index, index.toUtf16(s.start), index.toUtf16(s.end));
        }
    }
    return {};
}

bool CaseEditor::markReviewed(std::optional<ReviewReason> reason, const QString &note)
{
    const Citation passage = passageToReview();
    if (passage.quote.isEmpty()) {
        Q_EMIT message(
            QStringLiteral("Select a passage in the source reader, or put the cursor in a sentence, first."));
        return false;
    }
    QString why = note;
    if (!reason) {
        // Marked already, exactly so: the dialog shows the mark, to change it.
        ReviewedPassage current;
        for (const ReviewedPassage &r : m_document->kase().reviewed) {
            if (r.passage.sourceId == passage.sourceId && r.passage.start == passage.start
                && r.passage.end == passage.end) {
                current = r;
            }
        }
        ReviewDialog dialog(m_document->kase(), passage, current, m_parent);
        if (!run(&dialog)) {
            return false;
        }
        reason = dialog.reason();
        why = dialog.note();
    }
    const CaseEdit edit = markReviewedEdit(m_document->kase(), passage, *reason, why);
    if (edit.isEmpty()) {
        Q_EMIT message(QStringLiteral("The passage is marked so already."));
        return false;
    }
    return apply(
        edit,
        QStringLiteral("%1 marked reviewed, not used (%2).").arg(shortQuote(passage.quote), reviewReasonName(*reason)));
}

bool CaseEditor::unmarkReviewed()
{
    if (!m_selection || !m_reader) {
        return false;
    }
    const Source *source = m_document->kase().source(m_selection->currentSource());
    if (!source) {
        return false;
    }
    // The selection, or the whole sentence at the cursor (a mark may cover only part of it).
    const TextIndex index(source->text);
    const SourceReader::Passage p = m_reader->selectedPassage();
    qint64 start = index.toCodePoint(p.start);
    qint64 end = index.toCodePoint(p.end);
    if (start == end) {
        for (const TextSpan &s : splitSentences(source->text)) {
            if (s.start <= start && start < s.end) {
                end = s.end;
                start = s.start;
                break;
            }
        }
    }
    const CaseEdit edit = unmarkReviewedEdit(m_document->kase(), source->id, start, end);
    if (edit.isEmpty()) {
        Q_EMIT message(QStringLiteral("Nothing here is marked reviewed."));
        return false;
    }
    return apply(edit, edit.text() + QStringLiteral(": done (Undo marks it again)."));
}

bool CaseEditor::apply(const CaseEdit &edit, const QString &done)
{
    if (!m_document->apply(edit)) {
        return false;
    }
    Q_EMIT message(done);
    return true;
}

QString CaseEditor::choose(const QString &title, const QString &label,
                           const QList<std::pair<QString, QString>> &items) const
{
    if (items.isEmpty()) {
        return {};
    }
    QStringList texts;
    for (const auto &[id, text] : items) {
        texts << shortQuote(text, 14);
    }
    bool ok = false;
    const QString picked = QInputDialog::getItem(m_parent, title, label, texts, 0, false, &ok);
    const qsizetype i = texts.indexOf(picked);
    return ok && i >= 0 ? items[i].first : QString();
}

bool CaseEditor::citeSelectionInCurrentEvent()
{
    const Citation c = selectedCitation();
    const Event *event = m_document->kase().event(currentEventId());
    if (c.quote.isEmpty() || !event) {
        Q_EMIT message(QStringLiteral("Select a passage in the source reader and an event first."));
        return false;
    }
    if (hasCitation(event->citations, c)) {
        Q_EMIT message(QStringLiteral("The event already cites this passage."));
        return false;
    }
    Event e = *event;
    e.citations << c;
    CaseEdit edit(m_document->kase(), QStringLiteral("Cite %1 in \u201c%2\u201d").arg(shortQuote(c.quote), e.title));
    edit.replace(e);
    return apply(edit, QStringLiteral("Cited in \u201c%1\u201d.").arg(e.title));
}

bool CaseEditor::addSelectionAsAlias()
{
    const Citation c = selectedCitation();
    const Actor *actor = m_selection ? m_document->kase().actor(m_selection->currentActor()) : nullptr;
    if (c.quote.isEmpty() || !actor) {
        Q_EMIT message(QStringLiteral("Select a name in the source reader and an actor first."));
        return false;
    }
    Actor a = *actor;
    const QString name = c.quote.simplified();
    auto it = std::find_if(a.aliases.begin(), a.aliases.end(), [&](const Alias &x) { return x.name == name; });
    if (it == a.aliases.end()) {
        a.aliases << Alias {name, {}, {c}};
    } else if (!hasCitation(it->citations, c)) {
        it->citations << c;
    } else {
        Q_EMIT message(QStringLiteral("The alias already cites this passage."));
        return false;
    }
    CaseEdit edit(m_document->kase(), QStringLiteral("Alias %1 for \u201c%2\u201d").arg(shortQuote(name), a.name));
    edit.replace(a);
    return apply(edit, QStringLiteral("%1 is now an alias of \u201c%2\u201d.").arg(shortQuote(name), a.name));
}

bool CaseEditor::citeSelectionForCurrentActor()
{
    const Citation c = selectedCitation();
    const Actor *actor = m_selection ? m_document->kase().actor(m_selection->currentActor()) : nullptr;
    if (c.quote.isEmpty() || !actor || hasCitation(actor->citations, c)) {
        return false;
    }
    Actor a = *actor;
    a.citations << c;
    CaseEdit edit(m_document->kase(), QStringLiteral("Cite %1 for \u201c%2\u201d").arg(shortQuote(c.quote), a.name));
    edit.replace(a);
    return apply(edit, QStringLiteral("Cited for \u201c%1\u201d.").arg(a.name));
}

bool CaseEditor::citeSelectionInClaim(const QString &claimId)
{
    const Citation c = selectedCitation();
    if (c.quote.isEmpty()) {
        return false;
    }
    QString id = claimId;
    if (id.isEmpty()) {
        // The current event's claims first.
        QList<std::pair<QString, QString>> items;
        const QString eventId = currentEventId();
        for (const Claim &claim : m_document->kase().claims) {
            if (!eventId.isEmpty() && claim.eventId == eventId) {
                items.prepend(std::pair {claim.id, claim.statement});
            } else {
                items << std::pair {claim.id, claim.statement};
            }
        }
        id = choose(QStringLiteral("Cite in a Claim"), QStringLiteral("Claim:"), items);
    }
    const Claim *claim = m_document->kase().claim(id);
    if (!claim || hasCitation(claim->citations, c)) {
        return false;
    }
    Claim cl = *claim;
    cl.citations << c;
    CaseEdit edit(m_document->kase(),
                  QStringLiteral("Cite %1 in claim %2").arg(shortQuote(c.quote), shortQuote(cl.statement)));
    edit.replace(cl);
    return apply(edit, QStringLiteral("Cited in the claim %1.").arg(shortQuote(cl.statement)));
}

bool CaseEditor::citeSelectionInDisagreement(const QString &disagreementId, qsizetype version)
{
    const Citation c = selectedCitation();
    if (c.quote.isEmpty()) {
        return false;
    }
    QString id = disagreementId;
    if (id.isEmpty()) {
        // One entry per version, and one for a new version of each.
        QList<std::pair<QString, QString>> items;
        for (const Disagreement &d : m_document->kase().disagreements) {
            for (qsizetype v = 0; v < d.versions.size(); ++v) {
                items << std::pair {d.id + QLatin1Char('\n') + QString::number(v),
                                    d.question + QStringLiteral(" \u2014 ") + d.versions[v].statement};
            }
            items << std::pair {d.id + QStringLiteral("\n-1"), d.question + QStringLiteral(" \u2014 a new version")};
        }
        const QString picked = choose(QStringLiteral("Cite in a Disagreement"), QStringLiteral("Version:"), items);
        if (picked.isEmpty()) {
            return false;
        }
        id = picked.section(QLatin1Char('\n'), 0, 0);
        version = picked.section(QLatin1Char('\n'), 1, 1).toLongLong();
    }
    const Disagreement *found = m_document->kase().disagreement(id);
    if (!found || version < -1 || version >= found->versions.size()) {
        return false;
    }
    Disagreement d = *found;
    if (version == -1) {
        d.versions << DisagreementVersion {c.quote.simplified(), {c}};
    } else if (hasCitation(d.versions[version].citations, c)) {
        return false;
    } else {
        d.versions[version].citations << c;
    }
    CaseEdit edit(m_document->kase(), QStringLiteral("Cite %1 in \u201c%2\u201d").arg(shortQuote(c.quote), d.question));
    edit.replace(d);
    return apply(edit, QStringLiteral("Cited in \u201c%1\u201d.").arg(d.question));
}

bool CaseEditor::deleteEntity(EntityKind kind, const QString &id, bool confirmed)
{
    if (id.isEmpty()) {
        return false;
    }
    const Case &kase = m_document->kase();
    const CaseEdit edit = removalEdit(kase, kind, id);
    if (edit.isEmpty()) {
        return false;
    }
    if (!confirmed) {
        const QList<Reference> refs = referencesTo(kase, kind, id);
        QString text = QStringLiteral("%1?").arg(edit.text());
        if (refs.isEmpty()) {
            text += QStringLiteral("\n\nNothing else in the case refers to it.");
        } else {
            text += QStringLiteral("\n\n%1 in the case refer to it; deleting it changes them as listed:")
                        .arg(refs.size() == 1 ? QStringLiteral("1 thing")
                                              : QStringLiteral("%1 things").arg(refs.size()));
        }
        QMessageBox box(QMessageBox::Warning, edit.text(), text, QMessageBox::Cancel, m_parent);
        box.setTextFormat(Qt::PlainText);
        QStringList lines;
        for (const Reference &r : refs) {
            lines << QStringLiteral("\u2022 ") + r.text;
        }
        if (!lines.isEmpty()) {
            setPlainInformativeText(
                &box,
                lines.mid(0, 12).join(QLatin1Char('\n'))
                    + (lines.size() > 12
                           ? QStringLiteral("\n\u2026 and %1 more (see the details)").arg(lines.size() - 12)
                           : QString()));
            box.setDetailedText(lines.join(QLatin1Char('\n')));
        }
        QAbstractButton *del = box.addButton(QStringLiteral("Delete"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != del) {
            return false;
        }
    }
    if (kind == EntityKind::Event && m_selection && currentEventId() == id) {
        m_selection->setCurrentEvent(-1);
    }
    return apply(edit, edit.text() + QStringLiteral(": done (Undo brings it back)."));
}

bool CaseEditor::run(QDialog *dialog) const
{
    return m_runDialog ? m_runDialog(dialog) : dialog->exec() == QDialog::Accepted;
}

template<typename Dialog, typename T> bool CaseEditor::runForm(const T &entity, bool isNew, const QString &what)
{
    Dialog dialog(m_document->kase(), entity, m_parent);
    if (!run(&dialog)) {
        return false;
    }
    const auto value = dialog.value();
    // A new entity is named in the history by what the form gave it.
    QString text = what;
    if (isNew) {
        if constexpr (std::is_same_v<T, Event>) {
            text += QStringLiteral(" \u201c%1\u201d").arg(value.title);
        } else if constexpr (std::is_same_v<T, Actor>) {
            text += QStringLiteral(" \u201c%1\u201d").arg(value.name);
        } else if constexpr (std::is_same_v<T, Claim>) {
            text += QLatin1Char(' ') + shortQuote(value.statement);
        } else if constexpr (std::is_same_v<T, Disagreement>) {
            text += QStringLiteral(" \u201c%1\u201d").arg(value.question);
        }
    }
    CaseEdit edit(m_document->kase(), text);
    if (isNew) {
        edit.add(value);
    } else {
        edit.replace(value);
    }
    if (edit.isEmpty()) {
        Q_EMIT message(QStringLiteral("Nothing changed."));
        return false;
    }
    return apply(edit, text + QStringLiteral(": done."));
}

bool CaseEditor::newEvent(const Event &prefill)
{
    Event e = prefill;
    e.id = newId(m_document->kase(), EntityKind::Event);
    if (!runForm<EventDialog>(e, true, QStringLiteral("New event"))) {
        return false;
    }
    // The new event is the current one: its citations show, and more can be added.
    if (m_selection) {
        const QList<Event> &events = m_document->kase().events;
        for (qsizetype i = events.size() - 1; i >= 0; --i) {
            if (events[i].id == e.id) {
                m_selection->setCurrentEvent(i);
                break;
            }
        }
    }
    return true;
}

bool CaseEditor::editEvent(const QString &id)
{
    const Event *e = m_document->kase().event(id);
    return e && runForm<EventDialog>(*e, false, QStringLiteral("Edit event \u201c%1\u201d").arg(e->title));
}

bool CaseEditor::newActor(const Actor &prefill)
{
    Actor a = prefill;
    a.id = newId(m_document->kase(), EntityKind::Actor);
    if (!runForm<ActorDialog>(a, true, QStringLiteral("New actor"))) {
        return false;
    }
    if (m_selection) {
        m_selection->setCurrentActor(a.id);
    }
    return true;
}

bool CaseEditor::editActor(const QString &id)
{
    const Actor *a = m_document->kase().actor(id);
    return a && runForm<ActorDialog>(*a, false, QStringLiteral("Edit actor \u201c%1\u201d").arg(a->name));
}

bool CaseEditor::newClaim(const Claim &prefill)
{
    Claim c = prefill;
    c.id = newId(m_document->kase(), EntityKind::Claim);
    return runForm<ClaimDialog>(c, true, QStringLiteral("New claim"));
}

bool CaseEditor::editClaim(const QString &id)
{
    const Claim *c = m_document->kase().claim(id);
    return c && runForm<ClaimDialog>(*c, false, QStringLiteral("Edit claim %1").arg(shortQuote(c->statement)));
}

bool CaseEditor::newDisagreement(const Disagreement &prefill)
{
    Disagreement d = prefill;
    d.id = newId(m_document->kase(), EntityKind::Disagreement);
    while (d.versions.size() < 2) {
        d.versions << DisagreementVersion {};
    }
    return runForm<DisagreementDialog>(d, true, QStringLiteral("New disagreement"));
}

bool CaseEditor::editDisagreement(const QString &id)
{
    const Disagreement *d = m_document->kase().disagreement(id);
    return d
        && runForm<DisagreementDialog>(*d, false, QStringLiteral("Edit disagreement \u201c%1\u201d").arg(d->question));
}

bool CaseEditor::editHeading()
{
    const Case &kase = m_document->kase();
    CaseDialog dialog(kase, CaseHeading {kase.title, kase.description}, m_parent);
    if (!run(&dialog)) {
        return false;
    }
    CaseEdit edit(kase, QStringLiteral("Case title and description"));
    edit.add(dialog.value());
    if (std::get<CaseHeading>(*edit.changes().first().before) == dialog.value()) {
        return false;
    }
    return apply(edit, QStringLiteral("The case's title and description are changed."));
}

bool CaseEditor::newEventFromSelection()
{
    const Citation c = selectedCitation();
    if (c.quote.isEmpty()) {
        Q_EMIT message(QStringLiteral("Select a passage in the source reader first."));
        return false;
    }
    Event e;
    e.citations << c;
    return newEvent(e);
}

bool CaseEditor::newClaimFromSelection()
{
    const Citation c = selectedCitation();
    if (c.quote.isEmpty()) {
        Q_EMIT message(QStringLiteral("Select a passage in the source reader first."));
        return false;
    }
    Claim claim;
    claim.eventId = currentEventId();
    claim.citations << c;
    return newClaim(claim);
}

namespace {

const QString SourceFileFilter = QStringLiteral("Sources (*.txt *.md *.markdown *.html *.htm *.pdf);;Text (*.txt *.md "
                                                "*.markdown);;Web pages (*.html *.htm);;PDF (*.pdf);;"
                                                "Any file (*)");

} // namespace

bool CaseEditor::addSourceFromFile(const QString &path)
{
    QString file = path;
    if (file.isEmpty()) {
        file = QFileDialog::getOpenFileName(m_parent, QStringLiteral("Add Source"), QString(), SourceFileFilter);
        if (file.isEmpty()) {
            return false;
        }
    }
    const SourceImport imported = importSourceFile(file);
    if (!imported.ok()) {
        QMessageBox box(QMessageBox::Warning, QStringLiteral("Cannot add the source"), imported.error, QMessageBox::Ok,
                        m_parent);
        box.setTextFormat(Qt::PlainText);
        run(&box);
        Q_EMIT message(imported.error);
        return false;
    }
    const QString id = newId(m_document->kase(), EntityKind::Source);
    SourceImportDialog dialog(imported, id, m_parent);
    if (!run(&dialog)) {
        return false;
    }
    CaseEdit edit(m_document->kase(), QStringLiteral("Add source \u201c%1\u201d").arg(displayTitle(dialog.source())));
    edit.add(dialog.source());
    if (!apply(edit, QStringLiteral("Source added; select a passage in the reader to cite it."))) {
        return false;
    }
    if (m_selection) {
        m_selection->setCurrentSource(id);
    }
    return true;
}

bool CaseEditor::addPastedSource(const QString &text)
{
    const QString id = newId(m_document->kase(), EntityKind::Source);
    std::unique_ptr<SourceImportDialog> dialog(
        SourceImportDialog::forPastedText(id, text.isEmpty() ? QGuiApplication::clipboard()->text() : text, m_parent));
    if (!run(dialog.get())) {
        return false;
    }
    CaseEdit edit(m_document->kase(), QStringLiteral("Add source \u201c%1\u201d").arg(displayTitle(dialog->source())));
    edit.add(dialog->source());
    if (!apply(edit, QStringLiteral("Source added; select a passage in the reader to cite it."))) {
        return false;
    }
    if (m_selection) {
        m_selection->setCurrentSource(id);
    }
    return true;
}

bool CaseEditor::reimportSource(const QString &id, const QString &path)
{
    const Source *source = m_document->kase().source(id);
    if (!source) {
        return false;
    }
    QString file = path;
    if (file.isEmpty()) {
        file = QFileDialog::getOpenFileName(m_parent,
                                            QStringLiteral("Re-import \u201c%1\u201d").arg(displayTitle(*source)),
                                            QString(), SourceFileFilter);
        if (file.isEmpty()) {
            return false;
        }
    }
    const SourceImport imported = importSourceFile(file);
    if (!imported.ok()) {
        QMessageBox box(QMessageBox::Warning, QStringLiteral("Cannot re-import the source"), imported.error,
                        QMessageBox::Ok, m_parent);
        box.setTextFormat(Qt::PlainText);
        run(&box);
        Q_EMIT message(imported.error);
        return false;
    }
    const ReimportPreview preview = previewReimport(m_document->kase(), id, imported.source.text);
    if (!preview.textChanged) {
        Q_EMIT message(QStringLiteral("The file's text is the same as the source's: nothing to re-import."));
        return false;
    }
    ReimportDialog dialog(preview, displayTitle(*source), m_parent);
    if (!run(&dialog)) {
        return false;
    }
    const CaseEdit edit = reimportEdit(m_document->kase(), id, imported.source.text, imported.source.retrieved);
    return apply(edit,
                 QStringLiteral("Re-imported: %1 in place, %2 moved, %3 ambiguous, %4 not found.")
                     .arg(preview.exact)
                     .arg(preview.reanchored)
                     .arg(preview.ambiguous)
                     .arg(preview.orphaned));
}

bool CaseEditor::editSourceDetails(const QString &id)
{
    const Source *source = m_document->kase().source(id);
    if (!source) {
        return false;
    }
    SourceImport shown;
    shown.source = *source;
    SourceImportDialog dialog(shown, id, m_parent);
    dialog.setWindowTitle(QStringLiteral("Source Details"));
    dialog.setStorage(source->path.isEmpty() ? SourceImportDialog::Storage::InCaseFile
                                             : SourceImportDialog::Storage::BesideCase);
    if (!run(&dialog)) {
        return false;
    }
    // Only what a journalist checks changes here; the text and where it is kept stay.
    Source s = *source;
    const Source edited = dialog.source();
    s.title = edited.title;
    s.publisher = edited.publisher;
    s.url = edited.url;
    s.published = edited.published;
    s.retrieved = edited.retrieved;
    CaseEdit edit(m_document->kase(), QStringLiteral("Details of source \u201c%1\u201d").arg(displayTitle(s)));
    edit.replace(s);
    if (edit.isEmpty()) {
        return false;
    }
    return apply(edit, QStringLiteral("Source details changed."));
}

QString CaseEditor::checkReport() const
{
    // The case as Save would write it, read back as --check reads it. A case never saved has no
    // folder for texts kept beside it: they are checked embedded.
    Case kase = m_document->kase();
    const QString path = m_document->filePath();
    if (path.isEmpty()) {
        for (Source &s : kase.sources) {
            if (!s.path.startsWith(QLatin1String("qrc:"))) {
                s.path.clear();
            }
        }
    }
    const QString name = path.isEmpty() ? QStringLiteral("the case (not saved yet)") : QFileInfo(path).fileName();
    const CaseLoad load = CaseReader::readData(CaseWriter::toJson(kase), name,
                                               path.isEmpty() ? QString() : QFileInfo(path).absolutePath());
    return AT::checkReport(name, load);
}

void CaseEditor::showCheckReport()
{
    QDialog dialog(m_parent);
    dialog.setWindowTitle(QStringLiteral("Check Case"));
    auto *text = new QPlainTextEdit;
    text->setReadOnly(true);
    text->setPlainText(checkReport());
    text->setAccessibleName(QStringLiteral("Check report"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(760, 480);
    run(&dialog);
}

} // namespace AT
