#pragma once

#include "exporter.h"

#include <QDialog>
#include <QImage>
#include <QPointer>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace AT {

class CaseSession;

// File > Export: what to export (the whole timeline, the part the window shows, a chart, or the
// shown events as CSV), the journalist's own title, subtitle and credit line, a size preset (a
// social card, a square post, an article column, a slide, an A4 or Letter page, or a custom size),
// the format, the scale and the time axis, with a live preview. The choices and the folder last
// used are remembered (QSettings, group "export"); the title and subtitle are per graphic and are
// not. Writes through Exporter::exportTo, so every write is atomic; a failure is shown in the
// dialog as plain text and the dialog stays open.
class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Preset { SocialCard, Square, ArticleColumn, Slide, A4, Letter, Custom };
    struct PresetInfo
    {
        Preset preset;
        const char *label;
        QSize size; // the composition in logical pixels
    };
    static const QList<PresetInfo> &presets();

    explicit ExportDialog(Exporter *exporter, CaseSession *session, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // What to export: "timeline" (with `visibleOnly`, the part the window shows), a chart's export
    // name (Exporter::names()), or "csv" for the shown events.
    void choose(const QString &what, bool visibleOnly = false);
    void choosePreset(Preset preset);
    Preset preset() const;
    // "png", "svg", "pdf" or "csv".
    void setFormat(const QString &format);
    QString format() const;

    // What Exporter::exportTo is given: the export's name, where, and how.
    QString exportName() const;
    QString path() const;
    void setPath(const QString &path);
    ExportOptions options() const;

    // Writes the export; on failure *error says why (also shown in the dialog). Remembers the
    // choices and the folder on success.
    bool exportNow(QString *error = nullptr);

    // The preview as last drawn (null for CSV, whose preview is text).
    QImage previewImage() const { return m_previewImage; }
    QString previewText() const;
    // Redraws the preview at once instead of after the short pause that follows a change.
    void updatePreviewNow();
    bool previewPending() const;

    QComboBox *whatBox() const { return m_what; }
    QComboBox *presetBox() const { return m_preset; }
    QComboBox *formatBox() const { return m_format; }
    QComboBox *axisBox() const { return m_axis; }
    QSpinBox *widthBox() const { return m_width; }
    QSpinBox *heightBox() const { return m_height; }
    QDoubleSpinBox *scaleBox() const { return m_scale; }
    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *subtitleEdit() const { return m_subtitle; }
    QLineEdit *creditEdit() const { return m_credit; }
    QLineEdit *pathEdit() const { return m_path; }
    QLabel *errorLabel() const { return m_error; }

public Q_SLOTS:
    void accept() override;

private:
    void changed();
    void presetChosen();
    void whatChosen();
    void formatChosen();
    void browse();
    void saveSettings() const;
    void restoreSettings();
    QString defaultFileName() const;

    Exporter *m_exporter;
    QPointer<CaseSession> m_session;
    QComboBox *m_what;
    QComboBox *m_preset;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_format;
    QDoubleSpinBox *m_scale;
    QComboBox *m_axis;
    QLineEdit *m_title;
    QLineEdit *m_subtitle;
    QLineEdit *m_credit;
    QLineEdit *m_path;
    QLabel *m_preview;
    QLabel *m_error;
    QTimer *m_previewTimer;
    QImage m_previewImage;
    QString m_folder;
    bool m_settingPreset = false;
    bool m_autoPath = true; // the file name follows what is exported until the user names the file
};

} // namespace AT
