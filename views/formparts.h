#pragma once

#include "casedata.h"
#include "plaintext.h"

#include <QDialog>
#include <QList>
#include <QListWidget>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <utility>

class QComboBox;
class QFrame;
class QGridLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

// The pieces the edit forms (event, actor, claim, disagreement, date) are built from. Case text is
// data: it is only ever put into plain-text labels, line edits, plain-text edits, combo box items and
// list items, never into a rich-text label, a button's text (where "&" is a mnemonic) or a tooltip
// that Qt may read as HTML.

namespace AT {

// “text”, isolated.
QString quoted(const QString &text);
// A label that shows its text literally.
QLabel *plainLabel(const QString &text, QWidget *buddy = nullptr);
// A bold plain label heading a part of a form.
QLabel *sectionLabel(const QString &text, QWidget *buddy = nullptr);
// `text` as a menu entry or a check box shows it: "&" doubled (not a mnemonic), a tab as a space
// (not the shortcut column).
QString mnemonicSafe(QString text);
// A plain-text editor for a few lines where Tab moves on to the next field.
QPlainTextEdit *plainTextEdit(int lines);
// An editable combo box offering the case's `choices` (a category, a role, a kind...) and showing
// `current`; typing completes from the choices that contain the typed text, never in place.
QComboBox *choiceCombo(const QStringList &choices, const QString &current);
// The wheel changes `widget` (a combo box, a spin box) only while it has the keyboard focus.
void guardWheel(QWidget *widget);
// `widget` in a scroll area that resizes it to its width and, with `fitUpTo`, asks for room to show
// it whole up to that height.
QScrollArea *scrolled(QWidget *widget, int fitUpTo = 0);

// A part of a form under a bold heading; `buddy` gets the heading's mnemonic.
QWidget *section(const QString &heading, QWidget *content, QWidget *buddy = nullptr, int stretch = 1);
// "Your notes": the heading, a line saying the notes are the journalist's own and never shown as
// what a source says, and the editor.
QWidget *notesSection(QPlainTextEdit *notes);

// Every distinct non-empty value, sorted as a reader expects (case-insensitive, then exact).
QStringList distinctSorted(QStringList values);

// What a text widget was given: a widget may not hold every text exactly (a line edit keeps 32767
// characters; a plain-text edit turns CR LF, U+2028 and no-break spaces into other characters), so
// a text left untouched comes back exactly as it was given.
class KeptText
{
public:
    void set(const QString &original, const QString &shown)
    {
        m_original = original;
        m_shown = shown;
    }
    QString value(const QString &current) const { return current == m_shown ? m_original : current; }
    bool unchanged(const QString &current) const { return current == m_shown; }

private:
    QString m_original;
    QString m_shown;
};

// Sets the text of a line edit, a plain-text edit or an editable combo box and remembers it.
void setKeptText(QLineEdit *edit, KeptText *kept, const QString &text);
void setKeptText(QPlainTextEdit *edit, KeptText *kept, const QString &text);
void setKeptText(QComboBox *box, KeptText *kept, const QString &text);
QString keptText(const QLineEdit *edit, const KeptText &kept);
QString keptText(const QPlainTextEdit *edit, const KeptText &kept);
QString keptText(const QComboBox *box, const KeptText &kept);

// How an actor is named in a choice: by name, with its id where two actors share the name.
QString actorLabel(const Case &kase, const QString &actorId);
// Fills `box` with the case's actors by name (data: the id), after a first entry `noneText` whose
// data is empty ("no one", or "choose an actor").
void fillActorCombo(QComboBox *box, const Case &kase, const QString &noneText);
// Chooses the entry with the id; an id the case does not know is added as "unknown actor ..." so
// that it is kept, never silently dropped.
void chooseId(QComboBox *box, const QString &id, const QString &unknownText);
QString chosenId(const QComboBox *box);

// The citations of an entity, each as its quote and source, with a Remove button. Citations are
// added from the source reader, never typed, so there is no Add here. Does not scroll by itself.
class CitationListEdit final : public QWidget
{
    Q_OBJECT
public:
    explicit CitationListEdit(const Case *kase, const QString &accessibleName, QWidget *parent = nullptr);
    // Names the list and each citation and Remove button in it ("Citation 2", "Remove citation 2").
    void setName(const QString &accessibleName);
    void setCitations(const QList<Citation> &citations);
    const QList<Citation> &citations() const { return m_citations; }
    // "“quote” — Source title", as each citation is shown.
    QString citationText(int i) const;
    QPushButton *removeButton(int i) const;
    QLabel *citationLabel(int i) const;

Q_SIGNALS:
    void changed();

private:
    void rebuild();
    void removeAt(int i);

    const Case *m_case;
    QString m_name;
    QList<Citation> m_citations;
    QVBoxLayout *m_layout;
    QList<QLabel *> m_labels;
    QList<QPushButton *> m_buttons;
    QLabel *m_empty;
};

// A list of choices (disagreements, claims) to tick. The ids ticked come back in the order they were
// given, those ticked since after them in list order, so an untouched list returns what it got.
class CheckList final : public QListWidget
{
    Q_OBJECT
public:
    explicit CheckList(const QString &accessibleName, QWidget *parent = nullptr);
    // `items` are (id, label) pairs; an id in `checked` that is not among them is listed as
    // `unknownText` (with %1 for the id) so that it is kept.
    void setItems(const QList<std::pair<QString, QString>> &items, const QStringList &checked,
                  const QString &unknownText);
    QStringList checkedIds() const;
    void setChecked(const QString &id, bool checked);
    int rowOf(const QString &id) const;

Q_SIGNALS:
    void changed();

private:
    QStringList m_given;
};

// A set of actors chosen from a menu (who uses an alias): the names in a label, the menu on a button.
// Ids come back in the order given, newly chosen ones after them in the order chosen.
class ActorSetEdit final : public QWidget
{
    Q_OBJECT
public:
    ActorSetEdit(const Case *kase, const QString &accessibleName, QWidget *parent = nullptr);
    void setName(const QString &accessibleName);
    void setIds(const QStringList &ids);
    QStringList ids() const;
    void setChosen(const QString &id, bool chosen);
    QToolButton *button() const { return m_button; }
    QLabel *namesLabel() const { return m_names; }

Q_SIGNALS:
    void changed();

private:
    void updateNames();

    const Case *m_case;
    QStringList m_chosen;
    QLabel *m_names;
    QToolButton *m_button;
    QMenu *m_menu;
};

// Rows of widgets under column headings, each row with a Remove button, and an Add button below:
// a table whose cells are editors of any height. The owner creates a row's widgets, appends them and
// removes the row when asked. The accessible names of the cells and of the Remove button hold %1 for
// the row number, filled in as the rows stand.
class RowGrid final : public QWidget
{
    Q_OBJECT
public:
    RowGrid(const QStringList &headers, const QList<int> &stretches, const QString &addText, const QString &emptyText,
            QWidget *parent = nullptr);
    // `removeText` names what the row's Remove button takes away ("Remove alias"), set apart from the
    // Remove buttons of the citations in its cells.
    void appendRow(const QList<QWidget *> &cells, const QString &removeText, const QString &removeName);
    // A line between rows, for rows taller than one line.
    void setSeparated(bool separated);
    void removeRow(int row);
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    QWidget *cell(int row, int column) const { return m_rows.at(row).at(column); }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton(int row) const;

Q_SIGNALS:
    void addClicked();
    void removeClicked(int row);

private:
    void relayout();

    QStringList m_headers;
    QList<QLabel *> m_headerLabels;
    QList<QList<QWidget *>> m_rows; // the cells, then the Remove button
    QList<QFrame *> m_lines;
    bool m_separated = false;
    QGridLayout *m_grid;
    QLabel *m_empty;
    QPushButton *m_add;
};

// The frame of every edit form: the form, then what stops it from being saved (in words naming the
// field and the fix), then OK and Cancel. OK is disabled while there is a problem; Enter in a line
// edit or Ctrl+Enter anywhere is OK, Esc is Cancel. Holds a copy of the case for the choices it
// offers (cheap: the case's lists are shared).
class FormDialog : public QDialog
{
    Q_OBJECT
public:
    QPushButton *okButton() const { return m_ok; }
    QLabel *problemLabel() const { return m_problemLabel; }
    const QStringList &problems() const { return m_problems; }

public Q_SLOTS:
    void accept() override;

protected:
    FormDialog(const Case &kase, QWidget *parent);
    const Case &kase() const { return m_case; }
    void setBody(QLayout *body);
    // Finds the problems again and updates the label and OK; call after every change.
    void revalidate();
    virtual QStringList findProblems() const = 0;

private:
    Case m_case;
    QStringList m_problems;
    QLabel *m_problemLabel;
    QPushButton *m_ok;
    QVBoxLayout *m_layout;
};

} // namespace AT
