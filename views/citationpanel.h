#pragma once

#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QAction;
class QLabel;
class QListView;

namespace AT {

class CaseSession;
class SelectionState;

// For the selected event: what it is, every citation (quote, source, anchor status), the claims
// about it with their wording side by side, and where the accounts differ, the versions next to
// each other, each point saying whether they conflict or one is only less specific. All text is shown
// as plain text.
class CitationPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit CitationPanel(QWidget *parent = nullptr);

    void setModels(QAbstractItemModel *citations, QAbstractItemModel *claims, QAbstractItemModel *disagreements);
    QListView *citationView() const { return m_citations; }
    QListView *claimView() const { return m_claims; }
    QListView *disagreementView() const { return m_disagreements; }
    QString headerText() const;
    // Activating a citation opens it through the shared state (SelectionState::openCitation).
    void setSelectionState(SelectionState *state);
    // With the session, the panel says so when the filter hides the selected event.
    void setSession(CaseSession *session);
    // The words shown above the event when the filter hides it; empty when it does not.
    QString hiddenNotice() const;
    // "Copy Citation" (Ctrl+C in the citation list, and its context menu): the selected citations,
    // with their sources, on the clipboard as plain text, HTML and Markdown (the model's mimeData()).
    // Enabled while a citation is selected. Its shortcut works where the focus is in the list, so
    // the action can sit in the Edit menu too without taking Ctrl+C from other widgets.
    QAction *copyCitationAction() const { return m_copyCitation; }
    // Copies the selected citations; false when none is selected.
    bool copySelectedCitations();

Q_SIGNALS:
    // The user chose citation `row` (click or Enter).
    void citationActivated(int row);
    // `count` citations went to the clipboard, for the window to say so.
    void citationsCopied(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(int row);
    void updateHeader();
    void updateSections();
    void updateHiddenNotice();
    void updateCopyAction();
    void showCitationMenu(const QPoint &pos);

    QPointer<QAbstractItemModel> m_citationModel;
    QPointer<SelectionState> m_selection;
    QPointer<CaseSession> m_session;
    QLabel *m_hidden;
    QLabel *m_title;
    QLabel *m_details;
    QLabel *m_notes; // the journalist's own notes on the event, set apart from the sources' words
    QLabel *m_claimsLabel;
    QLabel *m_disagreementsLabel;
    QListView *m_citations;
    QListView *m_claims;
    QListView *m_disagreements;
    QAction *m_copyCitation;
    class RoleProxyModel *m_claimCards;
    class RoleProxyModel *m_disagreementCards;
    QWidget *m_claimSection = nullptr;
    QWidget *m_disagreementSection = nullptr;
};

} // namespace AT
