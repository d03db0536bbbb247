// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/registrysettingsbox.h"

#include <algorithm>

#include <QAbstractItemView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QUndoStack>

#include "models/workload/commands.h"
#include "views/regionnames.h"
#include "views/settingsfields.h"

namespace fleetplan::views {

namespace {

QDoubleSpinBox *decimalBox(QWidget *parent, const char *name, double high, int decimals, double step)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(0, high);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setKeyboardTracking(false);
    return box;
}

QSpinBox *wholeBox(QWidget *parent, const char *name, int high)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(0, high);
    box->setKeyboardTracking(false);
    return box;
}

/// A button that shows a list in words and opens a menu of checkable entries.
QToolButton *listButton(QWidget *parent, const char *name)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QString::fromLatin1(name));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    button->setMenu(new QMenu(button));
    return button;
}

/// Empties a menu whose action may be emitting its signal right now: deleted later, not at once.
void clearLater(QMenu *menu)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *a : actions) {
        menu->removeAction(a);
        a->deleteLater();
    }
}

QString listText(const QStringList &items, const QString &empty)
{
    return items.isEmpty() ? empty : items.join(QStringLiteral(", "));
}

} // namespace

RegistrySettingsBox::RegistrySettingsBox(QWidget *parent)
    : QGroupBox(tr("ECR registry"), parent)
{
    setObjectName(QStringLiteral("registrySettings"));
    setCheckable(true);
    setChecked(false);
    setToolTip(tr("Price the ECR registry on every platform: image storage under the lifecycle policy, "
                  "enhanced scanning, replication and cross-region pulls. Off: not priced, as before."));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a narrow panel puts the label above its field

    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("registryRegion"));
    m_region->setToolTip(tr("Where the repositories live. Pulls from another region than the scenario's pay "
                            "inter-region data transfer, unless the repository replicates into it."));
    form->addRow(tr("Re&gion"), m_region);

    m_repository = new QComboBox(this);
    m_repository->setObjectName(QStringLiteral("registryRepository"));
    m_repository->setToolTip(tr("The repository the fields below edit: the figures of the one-per-service "
                                "repositories, or one of the repositories listed explicitly."));
    m_repository->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_repository->setMinimumContentsLength(8);
    m_add = new QPushButton(tr("Add"), this);
    m_add->setObjectName(QStringLiteral("registryAddRepository"));
    m_add->setToolTip(tr("Add a repository for a service no repository serves yet"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("registryRemoveRepository"));
    m_remove->setToolTip(tr("Remove the repository shown"));
    form->addRow(tr("Re&pository"), m_repository);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    form->addRow(buttons);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(m_hint);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("registryRepositoryName"));
    m_name->setToolTip(tr("The repository's name (\"shop/api\")"));
    form->addRow(tr("&Name"), m_name);
    m_services = listButton(this, "registryRepositoryServices");
    m_services->setToolTip(tr("The services whose tasks pull this repository's image. None checked = the service "
                              "named like the repository."));
    form->addRow(tr("Ser&ves"), m_services);

    m_imageGb = decimalBox(this, "registryImageGb", 100, 3, 0.1); // validation's MaxImageGb
    m_imageGb->setSuffix(tr(" GB"));
    m_imageGb->setToolTip(tr("Compressed image size in GB: what ECR stores per image and what one pull transfers"));
    form->addRow(tr("&Image size"), m_imageGb);
    m_pushes = decimalBox(this, "registryPushesPerDay", 10000, 2, 1);
    m_pushes->setSuffix(tr(" a day"));
    m_pushes->setToolTip(tr("Images pushed a day (CI builds). With the lifecycle policy they set the images "
                            "stored; pushes are free."));
    form->addRow(tr("P&ushes"), m_pushes);
    m_keepLast = wholeBox(this, "registryKeepLast", 10000);
    m_keepLast->setSuffix(tr(" images"));
    m_keepLast->setToolTip(tr("Lifecycle policy: keep the last N images not tagged dev-*; older ones expire"));
    form->addRow(tr("&Keep last"), m_keepLast);
    m_devShare = decimalBox(this, "registryDevShare", 100, 1, 5);
    m_devShare->setSuffix(tr(" %"));
    m_devShare->setToolTip(tr("Share of the pushes tagged dev-* (kept by their expiry, not by keep-last)"));
    form->addRow(tr("&dev-* share"), m_devShare);
    m_devExpiry = wholeBox(this, "registryDevExpiryDays", 3650);
    m_devExpiry->setSuffix(tr(" days"));
    m_devExpiry->setToolTip(tr("Lifecycle policy: dev-* images expire this many days after their push"));
    form->addRow(tr("dev-* e&xpiry"), m_devExpiry);
    m_scanning = new QComboBox(this);
    m_scanning->setObjectName(QStringLiteral("registryScanning"));
    m_scanning->addItem(tr("basic (free)"), int(models::ScanMode::Basic));
    m_scanning->addItem(tr("enhanced, on push"), int(models::ScanMode::EnhancedOnPush));
    m_scanning->addItem(tr("enhanced, continuous"), int(models::ScanMode::EnhancedContinuous));
    m_scanning->setToolTip(tr("Basic scanning is free. Enhanced scanning (Amazon Inspector) bills each image "
                              "scanned on push; continuous mode also bills each rescan."));
    form->addRow(tr("&Scanning"), m_scanning);
    m_rescans = decimalBox(this, "registryRescans", 1000, 2, 1);
    m_rescans->setSuffix(tr(" a month"));
    m_rescans->setToolTip(tr("Continuous scanning: rescans of each stored image a month"));
    form->addRow(tr("&Rescans/image"), m_rescans);
    m_replicaRegions = listButton(this, "registryReplicationRegions");
    m_replicaRegions->setToolTip(tr("Cross-region replication: each image is copied to these regions (data "
                                    "transfer out, and storage there)"));
    form->addRow(tr("Replicate &to"), m_replicaRegions);
    m_replicaAccounts = wholeBox(this, "registryReplicationAccounts", 25);
    m_replicaAccounts->setSuffix(tr(" accounts"));
    m_replicaAccounts->setToolTip(tr("Cross-account replication in the same region: storage in each account"));
    form->addRow(tr("Other &accounts"), m_replicaAccounts);

    shrinkFields(this);

    connect(this, &QGroupBox::toggled, this, &RegistrySettingsBox::push);
    connect(m_region, &QComboBox::currentIndexChanged, this, &RegistrySettingsBox::push);
    connect(m_repository, &QComboBox::currentIndexChanged, this, &RegistrySettingsBox::refresh);
    connect(m_add, &QPushButton::clicked, this, &RegistrySettingsBox::addRepository);
    connect(m_remove, &QPushButton::clicked, this, &RegistrySettingsBox::removeRepository);
    connect(m_name, &QLineEdit::editingFinished, this, &RegistrySettingsBox::push);
    for (QDoubleSpinBox *box : { m_imageGb, m_pushes, m_devShare, m_rescans })
        connect(box, &QDoubleSpinBox::valueChanged, this, &RegistrySettingsBox::push);
    for (QSpinBox *box : { m_keepLast, m_devExpiry, m_replicaAccounts })
        connect(box, &QSpinBox::valueChanged, this, &RegistrySettingsBox::push);
    connect(m_scanning, &QComboBox::currentIndexChanged, this, &RegistrySettingsBox::push);
}

void RegistrySettingsBox::setDocument(models::Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &models::Document::registryChanged, this, &RegistrySettingsBox::refresh);
        connect(m_document, &models::Document::settingsChanged, this, &RegistrySettingsBox::refresh);
        connect(m_document, &models::Document::scenarioReset, this, &RegistrySettingsBox::refresh);
        // The "serves" menu lists the services.
        connect(m_document, &models::Document::servicesInserted, this, &RegistrySettingsBox::refresh);
        connect(m_document, &models::Document::servicesRemoved, this, &RegistrySettingsBox::refresh);
        connect(m_document, &models::Document::serviceChanged, this, &RegistrySettingsBox::refresh);
    }
    refresh();
}

void RegistrySettingsBox::setRegions(const QStringList &regions)
{
    m_regions = regions;
    refresh();
}

models::Repository RegistrySettingsBox::current(const models::RegistrySettings &registry) const
{
    const int i = m_repository->currentIndex() - 1;
    return i >= 0 && i < registry.repositories.size() ? registry.repositories.at(i) : registry.defaults;
}

void RegistrySettingsBox::refresh()
{
    if (!m_document)
        return;
    m_refreshing = true;
    const models::Scenario &sc = m_document->scenario();
    const models::RegistrySettings &reg = sc.registry;
    setChecked(reg.enabled);

    m_region->clear();
    m_region->addItem(tr("the scenario's (%1)").arg(sc.region), QString());
    for (const QString &code : std::as_const(m_regions))
        m_region->addItem(regionLabel(code), code);
    int r = reg.region.isEmpty() ? 0 : m_region->findData(reg.region);
    if (r < 0) {
        m_region->addItem(regionLabel(reg.region), reg.region);
        r = m_region->count() - 1;
    }
    m_region->setCurrentIndex(r);
    m_region->view()->setMinimumWidth(m_region->view()->sizeHintForColumn(0) + 24);

    const int shown = std::max(0, m_repository->currentIndex());
    const QSignalBlocker blockRepository(m_repository);
    m_repository->clear();
    m_repository->addItem(tr("one per service (defaults)"));
    for (const models::Repository &repo : reg.repositories)
        m_repository->addItem(repo.name);
    m_repository->setCurrentIndex(std::min(shown, m_repository->count() - 1));
    m_hint->setText(reg.repositories.isEmpty()
            ? tr("Each service pulls its own repository with these figures. Add repositories to list them "
                 "yourself.")
            : reg.repositories.size() == 1
            ? tr("1 repository listed: the one-per-service defaults are not used.")
            : tr("%1 repositories listed: the one-per-service defaults are not used.").arg(reg.repositories.size()));

    const models::Repository repo = current(reg);
    const bool explicitRepo = m_repository->currentIndex() > 0;
    if (!m_name->hasFocus())
        m_name->setText(explicitRepo ? repo.name : QString());
    QMenu *serviceMenu = m_services->menu();
    clearLater(serviceMenu);
    for (const models::Service &s : sc.services) {
        QAction *a = serviceMenu->addAction(s.name);
        a->setCheckable(true);
        a->setChecked(repo.services.contains(s.name));
        const QString name = s.name;
        connect(a, &QAction::toggled, this, [this, name](bool on) { toggleService(name, on); });
    }
    m_services->setText(
        explicitRepo ? listText(repo.services, tr("the service named %1").arg(repo.name)) : tr("each its own"));
    m_imageGb->setValue(repo.imageGb);
    m_pushes->setValue(repo.pushesPerDay);
    m_keepLast->setValue(repo.keepLast);
    m_devShare->setValue(repo.devShare * 100);
    m_devExpiry->setValue(repo.devExpireDays);
    m_scanning->setCurrentIndex(m_scanning->findData(int(repo.scanning)));
    m_rescans->setValue(repo.rescansPerImageMonth);
    QMenu *regionMenu = m_replicaRegions->menu();
    clearLater(regionMenu);
    QStringList codes = m_regions;
    for (const QString &code : repo.replicateToRegions)
        if (!codes.contains(code))
            codes.append(code);
    for (const QString &code : std::as_const(codes)) {
        QAction *a = regionMenu->addAction(regionLabel(code));
        a->setCheckable(true);
        a->setChecked(repo.replicateToRegions.contains(code));
        connect(a, &QAction::toggled, this, [this, code](bool on) { toggleReplicaRegion(code, on); });
    }
    m_replicaRegions->setText(listText(repo.replicateToRegions, tr("no other region")));
    m_replicaAccounts->setValue(repo.replicateToAccounts);
    updateEnabled();
    m_refreshing = false;
}

void RegistrySettingsBox::updateEnabled()
{
    const bool on = isChecked();
    const bool explicitRepo = m_repository->currentIndex() > 0;
    m_remove->setEnabled(on && explicitRepo);
    m_name->setEnabled(on && explicitRepo);
    m_services->setEnabled(on && explicitRepo);
    m_rescans->setEnabled(
        on && static_cast<models::ScanMode>(m_scanning->currentData().toInt()) == models::ScanMode::EnhancedContinuous);
    m_devExpiry->setEnabled(on && m_devShare->value() > 0);
}

void RegistrySettingsBox::pushRepository(const models::Repository &repo)
{
    models::RegistrySettings reg = m_document->scenario().registry;
    const models::RegistrySettings before = reg;
    reg.enabled = isChecked();
    reg.region = m_region->currentData().toString();
    const int i = m_repository->currentIndex() - 1;
    if (i >= 0 && i < reg.repositories.size())
        reg.repositories[i] = repo;
    else
        reg.defaults = repo;
    if (reg == before)
        return;
    m_document->undoStack()->push(new models::SetRegistryCommand(m_document, reg));
}

void RegistrySettingsBox::push()
{
    if (m_refreshing || !m_document)
        return;
    updateEnabled();
    models::Repository repo = current(m_document->scenario().registry);
    if (m_repository->currentIndex() > 0 && !m_name->text().trimmed().isEmpty())
        repo.name = m_name->text().trimmed();
    repo.imageGb = m_imageGb->value();
    repo.pushesPerDay = m_pushes->value();
    repo.keepLast = m_keepLast->value();
    repo.devShare = m_devShare->value() / 100.0;
    repo.devExpireDays = m_devExpiry->value();
    repo.scanning = static_cast<models::ScanMode>(m_scanning->currentData().toInt());
    repo.rescansPerImageMonth = m_rescans->value();
    repo.replicateToAccounts = m_replicaAccounts->value();
    pushRepository(repo);
}

void RegistrySettingsBox::toggleService(const QString &name, bool on)
{
    if (m_refreshing || !m_document)
        return;
    models::Repository repo = current(m_document->scenario().registry);
    repo.services.removeAll(name);
    if (on) {
        // Keep the scenario's order of services.
        QStringList ordered;
        for (const models::Service &s : m_document->scenario().services)
            if (s.name == name || repo.services.contains(s.name))
                ordered.append(s.name);
        repo.services = ordered;
    }
    pushRepository(repo);
}

void RegistrySettingsBox::toggleReplicaRegion(const QString &code, bool on)
{
    if (m_refreshing || !m_document)
        return;
    models::Repository repo = current(m_document->scenario().registry);
    repo.replicateToRegions.removeAll(code);
    if (on)
        repo.replicateToRegions.append(code);
    pushRepository(repo);
}

void RegistrySettingsBox::addRepository()
{
    if (!m_document)
        return;
    const models::Scenario &sc = m_document->scenario();
    models::RegistrySettings reg = sc.registry;
    QSet<QString> served;
    QSet<QString> names;
    for (const models::Repository &r : std::as_const(reg.repositories)) {
        names.insert(r.name);
        for (const QString &s : r.services.isEmpty() ? QStringList { r.name } : r.services)
            served.insert(s);
    }
    models::Repository repo = reg.defaults;
    for (const models::Service &s : sc.services) {
        if (!served.contains(s.name)) {
            repo.name = s.name;
            repo.services = { s.name };
            break;
        }
    }
    if (repo.name.isEmpty() || names.contains(repo.name)) {
        int n = int(reg.repositories.size()) + 1;
        while (names.contains(QStringLiteral("repository-%1").arg(n)))
            ++n;
        repo.name = QStringLiteral("repository-%1").arg(n);
        repo.services.clear();
    }
    reg.repositories.append(repo);
    m_document->undoStack()->push(new models::SetRegistryCommand(m_document, reg));
    m_repository->setCurrentIndex(m_repository->count() - 1);
}

void RegistrySettingsBox::removeRepository()
{
    if (!m_document)
        return;
    const int i = m_repository->currentIndex() - 1;
    models::RegistrySettings reg = m_document->scenario().registry;
    if (i < 0 || i >= reg.repositories.size())
        return;
    reg.repositories.removeAt(i);
    m_document->undoStack()->push(new models::SetRegistryCommand(m_document, reg));
}

} // namespace fleetplan::views
