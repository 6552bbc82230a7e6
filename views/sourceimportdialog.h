#pragma once

#include "sourceimport.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace AT {

class DatePointEdit;

// Shown after a file was read (or to paste text into): the text as it will be stored and cited
// (plain text; read-only for a file), the page count of a PDF, what the import noticed, and the
// metadata to check: title, publisher, URL, publication date (no year means unknown, and it stays
// unknown), retrieval date (today; unknown allowed too), and whether the text is kept in the case file or in a file
// beside it (sources/<id>.txt, written when the case is saved). source() is the result.
//
//     SourceImport imported = importSourceFile(path);
//     if (!imported.ok()) { show imported.error; return; }
//     SourceImportDialog dialog(imported, newId(kase, EntityKind::Source), this);
//     if (dialog.exec() == QDialog::Accepted) { CaseEdit edit(kase, ...); edit.add(dialog.source()); ... }
class SourceImportDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Storage { InCaseFile, BesideCase };

    // After a file was read; `imported` must be ok(). `sourceId` is the id the source will have.
    SourceImportDialog(const SourceImport &imported, const QString &sourceId, QWidget *parent = nullptr);
    // For pasted text: an editable text box, filled with `text` (e.g. the clipboard's), no metadata.
    static SourceImportDialog *forPastedText(const QString &sourceId, const QString &text = {},
                                             QWidget *parent = nullptr);
    ~SourceImportDialog() override;

    bool isPasted() const { return m_pasted; }

    // The source as the dialog's fields say; meaningful when problem() is empty.
    Source source() const;
    // Why the source cannot be added yet (no text, a day that does not exist, a URL that is not a
    // full address), or empty.
    QString problem() const;

    Storage storage() const;
    void setStorage(Storage storage);
    // Where a source kept beside the case is written, relative to the case file.
    static QString besidePath(const QString &sourceId);

    QPlainTextEdit *textEdit() const { return m_text; }
    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *publisherEdit() const { return m_publisher; }
    QLineEdit *urlEdit() const { return m_url; }
    DatePointEdit *publishedEdit() const { return m_published; }
    DatePointEdit *retrievedEdit() const { return m_retrieved; }
    QLabel *publishedLabel() const { return m_publishedShown; }
    QLabel *retrievedLabel() const { return m_retrievedShown; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *notesLabel() const { return m_notes; }
    QLabel *problemLabel() const { return m_problem; }
    QRadioButton *inCaseFileButton() const { return m_inCase; }
    QRadioButton *besideCaseButton() const { return m_beside; }
    QPushButton *addButton() const { return m_add; }

private:
    SourceImportDialog(const SourceImport &imported, const QString &sourceId, bool pasted, QWidget *parent);
    void updateState();
    QString textSummary() const;
    QString storedText() const;

    SourceImport m_import;
    QString m_id;
    bool m_pasted = false;
    QPlainTextEdit *m_text;
    QLineEdit *m_title;
    QLineEdit *m_publisher;
    QLineEdit *m_url;
    DatePointEdit *m_published;
    DatePointEdit *m_retrieved;
    QLabel *m_publishedShown;
    QLabel *m_retrievedShown;
    QLabel *m_summary;
    QLabel *m_notes;
    QLabel *m_problem;
    QRadioButton *m_inCase;
    QRadioButton *m_beside;
    QPushButton *m_add = nullptr;
};

} // namespace AT
