import type { AssetType, RelationKind } from '@vigie/domain';

/** Password of every demo person (never used outside the demo provider). */
export const DEMO_PASSWORD = 'vigie-demo-2026';

export const DEMO_VENDORS = [
  { name: 'Dell Technologies', supportPhone: '+33 4 99 75 40 00', supportUrl: 'https://www.dell.com/support' },
  { name: 'HPE', supportPhone: '+33 1 57 32 42 62', supportUrl: 'https://support.hpe.com' },
  { name: 'Fortinet', supportUrl: 'https://support.fortinet.com', supportEmail: 'support@fortinet.com' },
  { name: 'Synology', supportUrl: 'https://account.synology.com/support' },
  { name: 'Microsoft', supportUrl: 'https://admin.microsoft.com/support' },
  { name: 'VMware by Broadcom', supportUrl: 'https://support.broadcom.com' },
  { name: 'Veeam', supportPhone: '+33 1 70 61 33 66', supportUrl: 'https://www.veeam.com/support.html' },
  { name: 'APC by Schneider Electric', supportPhone: '+33 8 25 01 29 99' },
  { name: 'Ubiquiti', supportUrl: 'https://help.ui.com' },
  { name: 'Cisco', supportUrl: 'https://www.cisco.com/c/en/us/support' },
  { name: 'Cegid', supportPhone: '+33 8 11 88 48 88', supportEmail: 'support@cegid.com' },
  { name: 'OVHcloud', supportUrl: 'https://help.ovhcloud.com' },
];

export interface DemoAsset {
  name: string;
  type: AssetType;
  site: string;
  criticality: 1 | 2 | 3 | 4;
  vendor?: string;
  attributes?: Record<string, string | number | boolean>;
}

export interface DemoClient {
  code: string;
  name: string;
  legalName: string;
  mailDomains: string[];
  phone: string;
  sites: { name: string; line1: string; postalCode: string; city: string }[];
  contacts: {
    firstName: string;
    lastName: string;
    email: string;
    phone: string;
    jobTitle: string;
    site: string;
    isPrimary?: boolean;
  }[];
  contract: {
    reference: string;
    name: string;
    kind: 'total' | 'partial' | 'specialized';
    delivery: 'remote' | 'onsite' | 'hybrid';
    scopeDomains: (
      | 'workstations'
      | 'servers'
      | 'network'
      | 'security'
      | 'applications'
      | 'business_software'
      | 'databases'
      | 'virtualization'
      | 'cloud'
      | 'backups'
    )[];
    supportLevels: (1 | 2 | 3)[];
    holidayRegion: string;
    hourBank: number | null;
  };
  assets: DemoAsset[];
  relations: [string, RelationKind, string][];
  person: { email: string; name: string; role: 'client_manager' | 'client_it' | 'requester' };
}

const server = (name: string, site: string, ip: string, os = 'Debian 12', vendor = 'Dell Technologies'): DemoAsset => ({
  name,
  type: 'server',
  site,
  criticality: 4,
  vendor,
  attributes: {
    hostname: name,
    ip_address: ip,
    os,
    cpu_cores: 16,
    memory_gb: 128,
    manufacturer: vendor,
    model: 'PowerEdge R650',
  },
});
const vm = (name: string, site: string, ip: string, os: string, criticality: 1 | 2 | 3 | 4 = 3): DemoAsset => ({
  name,
  type: 'virtual_machine',
  site,
  criticality,
  attributes: { hostname: name, ip_address: ip, os, vcpus: 4, memory_gb: 16 },
});
const workstation = (name: string, site: string, ip: string): DemoAsset => ({
  name,
  type: 'workstation',
  site,
  criticality: 1,
  vendor: 'Dell Technologies',
  attributes: { hostname: name, ip_address: ip, os: 'Windows 11 Pro', manufacturer: 'Dell', model: 'OptiPlex 7010' },
});

export const DEMO_CLIENTS: DemoClient[] = [
  {
    code: 'ACME',
    name: 'Acme Logistique',
    legalName: 'Acme Logistique SAS',
    mailDomains: ['acme-logistique.fr'],
    phone: '+33 4 72 00 10 20',
    sites: [
      { name: 'Lyon — siège', line1: '12 rue de la République', postalCode: '69002', city: 'Lyon' },
      { name: 'Villeurbanne — entrepôt', line1: '40 avenue Roger Salengro', postalCode: '69100', city: 'Villeurbanne' },
    ],
    contacts: [
      {
        firstName: 'Claire',
        lastName: 'Dubois',
        email: 'claire.dubois@acme-logistique.fr',
        phone: '+33 4 72 00 10 21',
        jobTitle: 'Directrice administrative et financière',
        site: 'Lyon — siège',
        isPrimary: true,
      },
      {
        firstName: 'Julien',
        lastName: 'Moreau',
        email: 'julien.moreau@acme-logistique.fr',
        phone: '+33 4 72 00 10 35',
        jobTitle: 'Responsable entrepôt',
        site: 'Villeurbanne — entrepôt',
      },
      {
        firstName: 'Nadia',
        lastName: 'Benali',
        email: 'nadia.benali@acme-logistique.fr',
        phone: '+33 4 72 00 10 40',
        jobTitle: 'Comptable',
        site: 'Lyon — siège',
      },
    ],
    contract: {
      reference: 'ACME-2026-TOT',
      name: 'Infogérance totale à distance',
      kind: 'total',
      delivery: 'remote',
      scopeDomains: [
        'workstations',
        'servers',
        'network',
        'security',
        'applications',
        'business_software',
        'virtualization',
        'backups',
      ],
      supportLevels: [1, 2, 3],
      holidayRegion: 'FR',
      hourBank: null,
    },
    assets: [
      {
        name: 'fw-lyon',
        type: 'firewall',
        site: 'Lyon — siège',
        criticality: 4,
        vendor: 'Fortinet',
        attributes: { model: 'FortiGate 60F', ip_address: '10.10.0.1', wan_ip: '203.0.113.10', firmware: '7.4.4' },
      },
      {
        name: 'sw-lyon-core',
        type: 'switch',
        site: 'Lyon — siège',
        criticality: 4,
        vendor: 'Cisco',
        attributes: { model: 'Catalyst 9200', ip_address: '10.10.0.2', ports: 48 },
      },
      {
        name: 'sw-villeurbanne',
        type: 'switch',
        site: 'Villeurbanne — entrepôt',
        criticality: 3,
        vendor: 'Ubiquiti',
        attributes: { model: 'USW-Pro-24', ip_address: '10.20.0.2', ports: 24 },
      },
      {
        name: 'ap-entrepot-1',
        type: 'access_point',
        site: 'Villeurbanne — entrepôt',
        criticality: 2,
        vendor: 'Ubiquiti',
        attributes: { model: 'U6-Pro', ip_address: '10.20.0.11' },
      },
      {
        name: 'ap-entrepot-2',
        type: 'access_point',
        site: 'Villeurbanne — entrepôt',
        criticality: 2,
        vendor: 'Ubiquiti',
        attributes: { model: 'U6-Pro', ip_address: '10.20.0.12' },
      },
      {
        name: 'ups-lyon',
        type: 'ups',
        site: 'Lyon — siège',
        criticality: 3,
        vendor: 'APC by Schneider Electric',
        attributes: { model: 'Smart-UPS 3000', capacity_va: 3000 },
      },
      server('esx-lyon-01', 'Lyon — siège', '10.10.1.11', 'VMware ESXi 8.0'),
      server('esx-lyon-02', 'Lyon — siège', '10.10.1.12', 'VMware ESXi 8.0'),
      {
        name: 'cluster-lyon',
        type: 'hypervisor_cluster',
        site: 'Lyon — siège',
        criticality: 4,
        vendor: 'VMware by Broadcom',
        attributes: { platform: 'vSphere', version: '8.0U2', nodes: 2 },
      },
      vm('dc-acme-01', 'Lyon — siège', '10.10.2.10', 'Windows Server 2022', 4),
      vm('erp-acme', 'Lyon — siège', '10.10.2.20', 'Windows Server 2022', 4),
      vm('sql-acme', 'Lyon — siège', '10.10.2.21', 'Windows Server 2022', 4),
      vm('files-acme', 'Lyon — siège', '10.10.2.30', 'Windows Server 2022'),
      {
        name: 'mssql-erp',
        type: 'database',
        site: 'Lyon — siège',
        criticality: 4,
        vendor: 'Microsoft',
        attributes: { engine: 'SQL Server', version: '2019', port: 1433 },
      },
      {
        name: 'Cegid XRP',
        type: 'business_software',
        site: 'Lyon — siège',
        criticality: 4,
        vendor: 'Cegid',
        attributes: { version: '2025.1', license_count: 25 },
      },
      {
        name: 'Microsoft 365',
        type: 'office_suite',
        site: 'Lyon — siège',
        criticality: 3,
        vendor: 'Microsoft',
        attributes: { version: 'E3', license_count: 42 },
      },
      {
        name: 'nas-backup-lyon',
        type: 'nas',
        site: 'Lyon — siège',
        criticality: 3,
        vendor: 'Synology',
        attributes: { model: 'RS1221+', ip_address: '10.10.3.5', capacity_tb: 48 },
      },
      {
        name: 'veeam-repo-lyon',
        type: 'backup_repository',
        site: 'Lyon — siège',
        criticality: 3,
        vendor: 'Veeam',
        attributes: { technology: 'Veeam B&R 12', location: 'Lyon', immutable: true },
      },
      {
        name: 'acme-logistique.fr',
        type: 'domain_name',
        site: 'Lyon — siège',
        criticality: 3,
        attributes: { registrar: 'OVHcloud', expires_on: '2027-03-14', auto_renew: true },
      },
      {
        name: 'cert-extranet',
        type: 'tls_certificate',
        site: 'Lyon — siège',
        criticality: 2,
        attributes: { common_name: 'extranet.acme-logistique.fr', issuer: "Let's Encrypt", expires_on: '2027-01-20' },
      },
      workstation('pc-compta-01', 'Lyon — siège', '10.10.10.21'),
      workstation('pc-entrepot-01', 'Villeurbanne — entrepôt', '10.20.10.21'),
      {
        name: 'laptop-direction-01',
        type: 'laptop',
        site: 'Lyon — siège',
        criticality: 2,
        vendor: 'Dell Technologies',
        attributes: { model: 'Latitude 7450', os: 'Windows 11 Pro' },
      },
      {
        name: 'laptop-commercial-01',
        type: 'laptop',
        site: 'Lyon — siège',
        criticality: 1,
        vendor: 'Dell Technologies',
        attributes: { model: 'Latitude 5550', os: 'Windows 11 Pro' },
      },
      {
        name: 'laptop-commercial-02',
        type: 'laptop',
        site: 'Lyon — siège',
        criticality: 1,
        vendor: 'Dell Technologies',
        attributes: { model: 'Latitude 5550', os: 'Windows 11 Pro' },
      },
      {
        name: 'imprimante-lyon',
        type: 'printer',
        site: 'Lyon — siège',
        criticality: 1,
        attributes: { model: 'Ricoh IM C3000', ip_address: '10.10.5.10' },
      },
    ],
    relations: [
      ['sw-lyon-core', 'connected_to', 'fw-lyon'],
      ['sw-villeurbanne', 'connected_to', 'fw-lyon'],
      ['ap-entrepot-1', 'connected_to', 'sw-villeurbanne'],
      ['ap-entrepot-2', 'connected_to', 'sw-villeurbanne'],
      ['esx-lyon-01', 'connected_to', 'sw-lyon-core'],
      ['esx-lyon-02', 'connected_to', 'sw-lyon-core'],
      ['esx-lyon-01', 'protected_by', 'ups-lyon'],
      ['esx-lyon-02', 'protected_by', 'ups-lyon'],
      ['cluster-lyon', 'runs_on', 'esx-lyon-01'],
      ['cluster-lyon', 'runs_on', 'esx-lyon-02'],
      ['dc-acme-01', 'runs_on', 'cluster-lyon'],
      ['erp-acme', 'runs_on', 'cluster-lyon'],
      ['sql-acme', 'runs_on', 'cluster-lyon'],
      ['files-acme', 'runs_on', 'cluster-lyon'],
      ['mssql-erp', 'runs_on', 'sql-acme'],
      ['Cegid XRP', 'runs_on', 'erp-acme'],
      ['Cegid XRP', 'depends_on', 'mssql-erp'],
      ['erp-acme', 'depends_on', 'dc-acme-01'],
      ['files-acme', 'depends_on', 'dc-acme-01'],
      ['nas-backup-lyon', 'connected_to', 'sw-lyon-core'],
      ['veeam-repo-lyon', 'runs_on', 'nas-backup-lyon'],
      ['veeam-repo-lyon', 'backs_up', 'cluster-lyon'],
      ['pc-compta-01', 'connected_to', 'sw-lyon-core'],
      ['pc-entrepot-01', 'connected_to', 'sw-villeurbanne'],
      ['cert-extranet', 'depends_on', 'acme-logistique.fr'],
    ],
    person: { email: 'claire.dubois@acme-logistique.fr', name: 'Claire Dubois', role: 'client_manager' },
  },
  {
    code: 'BATI',
    name: 'Bâti Sud Construction',
    legalName: 'Bâti Sud Construction SA',
    mailDomains: ['batisud.fr'],
    phone: '+33 4 91 00 20 30',
    sites: [
      { name: 'Marseille — agence', line1: '5 quai du Port', postalCode: '13002', city: 'Marseille' },
      { name: 'Metz — agence Est', line1: '18 rue Serpenoise', postalCode: '57000', city: 'Metz' },
    ],
    contacts: [
      {
        firstName: 'Thomas',
        lastName: 'Garnier',
        email: 'thomas.garnier@batisud.fr',
        phone: '+33 4 91 00 20 31',
        jobTitle: 'Responsable informatique (N1 interne)',
        site: 'Marseille — agence',
        isPrimary: true,
      },
      {
        firstName: 'Émilie',
        lastName: 'Schmitt',
        email: 'emilie.schmitt@batisud.fr',
        phone: '+33 3 87 00 11 22',
        jobTitle: "Cheffe d'agence",
        site: 'Metz — agence Est',
      },
    ],
    contract: {
      reference: 'BATI-2026-N23',
      name: 'Support N2/N3 sur site — le client garde le N1',
      kind: 'partial',
      delivery: 'onsite',
      scopeDomains: ['servers', 'network', 'security'],
      supportLevels: [2, 3],
      holidayRegion: 'FR',
      hourBank: 120,
    },
    assets: [
      {
        name: 'fw-marseille',
        type: 'firewall',
        site: 'Marseille — agence',
        criticality: 4,
        vendor: 'Fortinet',
        attributes: { model: 'FortiGate 40F', ip_address: '10.30.0.1', firmware: '7.2.8' },
      },
      {
        name: 'rt-metz',
        type: 'router',
        site: 'Metz — agence Est',
        criticality: 3,
        vendor: 'Cisco',
        attributes: { model: 'ISR 1100', ip_address: '10.40.0.1' },
      },
      {
        name: 'sw-marseille',
        type: 'switch',
        site: 'Marseille — agence',
        criticality: 3,
        vendor: 'HPE',
        attributes: { model: 'Aruba 2930F', ip_address: '10.30.0.2', ports: 48 },
      },
      {
        name: 'sw-metz',
        type: 'switch',
        site: 'Metz — agence Est',
        criticality: 3,
        vendor: 'HPE',
        attributes: { model: 'Aruba 2530', ip_address: '10.40.0.2', ports: 24 },
      },
      server('srv-bati-01', 'Marseille — agence', '10.30.1.10', 'Windows Server 2022', 'HPE'),
      vm('ad-bati', 'Marseille — agence', '10.30.2.10', 'Windows Server 2022', 4),
      vm('files-bati', 'Marseille — agence', '10.30.2.20', 'Windows Server 2022'),
      vm('autocad-lic', 'Marseille — agence', '10.30.2.30', 'Windows Server 2019', 2),
      {
        name: 'nas-metz',
        type: 'nas',
        site: 'Metz — agence Est',
        criticality: 2,
        vendor: 'Synology',
        attributes: { model: 'DS923+', ip_address: '10.40.3.5', capacity_tb: 16 },
      },
      {
        name: 'ups-marseille',
        type: 'ups',
        site: 'Marseille — agence',
        criticality: 3,
        vendor: 'APC by Schneider Electric',
        attributes: { capacity_va: 1500 },
      },
      {
        name: 'imprimante-marseille',
        type: 'printer',
        site: 'Marseille — agence',
        criticality: 1,
        attributes: { model: 'Canon iR-ADV C5535', ip_address: '10.30.5.10' },
      },
      {
        name: 'imprimante-metz',
        type: 'printer',
        site: 'Metz — agence Est',
        criticality: 1,
        attributes: { model: 'Canon iR-ADV C3530', ip_address: '10.40.5.10' },
      },
      {
        name: 'Microsoft 365 Bâti',
        type: 'office_suite',
        site: 'Marseille — agence',
        criticality: 3,
        vendor: 'Microsoft',
        attributes: { version: 'Business Premium', license_count: 30 },
      },
      {
        name: 'vpn-metz-marseille',
        type: 'service',
        site: 'Metz — agence Est',
        criticality: 3,
        attributes: { port: 500 },
      },
      workstation('pc-metz-01', 'Metz — agence Est', '10.40.10.21'),
      workstation('pc-marseille-01', 'Marseille — agence', '10.30.10.21'),
      workstation('pc-marseille-02', 'Marseille — agence', '10.30.10.22'),
      {
        name: 'tel-accueil-metz',
        type: 'phone',
        site: 'Metz — agence Est',
        criticality: 1,
        attributes: { extension: '100' },
      },
    ],
    relations: [
      ['sw-marseille', 'connected_to', 'fw-marseille'],
      ['sw-metz', 'connected_to', 'rt-metz'],
      ['srv-bati-01', 'connected_to', 'sw-marseille'],
      ['srv-bati-01', 'protected_by', 'ups-marseille'],
      ['ad-bati', 'runs_on', 'srv-bati-01'],
      ['files-bati', 'runs_on', 'srv-bati-01'],
      ['autocad-lic', 'runs_on', 'srv-bati-01'],
      ['files-bati', 'depends_on', 'ad-bati'],
      ['vpn-metz-marseille', 'depends_on', 'fw-marseille'],
      ['vpn-metz-marseille', 'depends_on', 'rt-metz'],
      ['nas-metz', 'connected_to', 'sw-metz'],
      ['nas-metz', 'backs_up', 'files-bati'],
      ['imprimante-marseille', 'connected_to', 'sw-marseille'],
      ['imprimante-metz', 'connected_to', 'sw-metz'],
      ['pc-metz-01', 'connected_to', 'sw-metz'],
      ['pc-metz-01', 'depends_on', 'vpn-metz-marseille'],
      ['pc-marseille-01', 'connected_to', 'sw-marseille'],
      ['pc-marseille-02', 'connected_to', 'sw-marseille'],
    ],
    person: { email: 'thomas.garnier@batisud.fr', name: 'Thomas Garnier', role: 'client_it' },
  },
  {
    code: 'CLINIQ',
    name: 'Clinique des Tilleuls',
    legalName: 'Clinique des Tilleuls SAS',
    mailDomains: ['clinique-tilleuls.fr'],
    phone: '+33 2 40 00 30 40',
    sites: [{ name: 'Nantes — clinique', line1: '3 allée des Tilleuls', postalCode: '44000', city: 'Nantes' }],
    contacts: [
      {
        firstName: 'Marc',
        lastName: 'Lefèvre',
        email: 'marc.lefevre@clinique-tilleuls.fr',
        phone: '+33 2 40 00 30 41',
        jobTitle: 'DSI',
        site: 'Nantes — clinique',
        isPrimary: true,
      },
      {
        firstName: 'Sandrine',
        lastName: 'Roux',
        email: 'sandrine.roux@clinique-tilleuls.fr',
        phone: '+33 2 40 00 30 55',
        jobTitle: 'Secrétaire médicale',
        site: 'Nantes — clinique',
      },
    ],
    contract: {
      reference: 'CLINIQ-2026-DB-BKP',
      name: 'Expertise bases de données et sauvegardes',
      kind: 'specialized',
      delivery: 'remote',
      scopeDomains: ['databases', 'backups'],
      supportLevels: [2, 3],
      holidayRegion: 'FR',
      hourBank: 60,
    },
    assets: [
      server('srv-db-01', 'Nantes — clinique', '10.50.1.10', 'Rocky Linux 9', 'HPE'),
      server('srv-db-02', 'Nantes — clinique', '10.50.1.11', 'Rocky Linux 9', 'HPE'),
      {
        name: 'pg-dossiers-patients',
        type: 'database',
        site: 'Nantes — clinique',
        criticality: 4,
        attributes: { engine: 'PostgreSQL', version: '16.4', size_gb: 820, port: 5432 },
      },
      {
        name: 'pg-replica',
        type: 'database',
        site: 'Nantes — clinique',
        criticality: 3,
        attributes: { engine: 'PostgreSQL', version: '16.4', size_gb: 820, port: 5432 },
      },
      {
        name: 'mariadb-rdv',
        type: 'database',
        site: 'Nantes — clinique',
        criticality: 3,
        attributes: { engine: 'MariaDB', version: '10.11', size_gb: 45, port: 3306 },
      },
      {
        name: 'app-dossier-patient',
        type: 'business_software',
        site: 'Nantes — clinique',
        criticality: 4,
        attributes: { version: '5.2' },
      },
      {
        name: 'app-prise-rdv',
        type: 'application',
        site: 'Nantes — clinique',
        criticality: 3,
        attributes: { version: '2.8' },
      },
      {
        name: 'nas-sauvegarde',
        type: 'nas',
        site: 'Nantes — clinique',
        criticality: 4,
        vendor: 'Synology',
        attributes: { model: 'SA3410', ip_address: '10.50.3.5', capacity_tb: 96 },
      },
      {
        name: 'borg-repo-local',
        type: 'backup_repository',
        site: 'Nantes — clinique',
        criticality: 4,
        attributes: { technology: 'BorgBackup 1.4', location: 'Nantes', immutable: false },
      },
      {
        name: 'bucket-offsite',
        type: 'cloud_resource',
        site: 'Nantes — clinique',
        criticality: 4,
        vendor: 'OVHcloud',
        attributes: { provider: 'OVHcloud', region: 'GRA', resource_id: 'cliniq-backup-objectlock' },
      },
      {
        name: 'restic-repo-offsite',
        type: 'backup_repository',
        site: 'Nantes — clinique',
        criticality: 4,
        attributes: { technology: 'restic 0.17', location: 'OVHcloud GRA', immutable: true },
      },
      {
        name: 'sw-clinique',
        type: 'switch',
        site: 'Nantes — clinique',
        criticality: 4,
        vendor: 'Cisco',
        attributes: { model: 'Catalyst 9300', ip_address: '10.50.0.2', ports: 48 },
      },
      {
        name: 'ups-salle-serveurs',
        type: 'ups',
        site: 'Nantes — clinique',
        criticality: 4,
        vendor: 'APC by Schneider Electric',
        attributes: { capacity_va: 6000 },
      },
      workstation('pc-accueil-01', 'Nantes — clinique', '10.50.10.21'),
      workstation('pc-secretariat-01', 'Nantes — clinique', '10.50.10.22'),
    ],
    relations: [
      ['srv-db-01', 'connected_to', 'sw-clinique'],
      ['srv-db-02', 'connected_to', 'sw-clinique'],
      ['srv-db-01', 'protected_by', 'ups-salle-serveurs'],
      ['srv-db-02', 'protected_by', 'ups-salle-serveurs'],
      ['pg-dossiers-patients', 'runs_on', 'srv-db-01'],
      ['pg-replica', 'runs_on', 'srv-db-02'],
      ['pg-replica', 'depends_on', 'pg-dossiers-patients'],
      ['mariadb-rdv', 'runs_on', 'srv-db-02'],
      ['app-dossier-patient', 'depends_on', 'pg-dossiers-patients'],
      ['app-prise-rdv', 'depends_on', 'mariadb-rdv'],
      ['nas-sauvegarde', 'connected_to', 'sw-clinique'],
      ['borg-repo-local', 'runs_on', 'nas-sauvegarde'],
      ['borg-repo-local', 'backs_up', 'pg-dossiers-patients'],
      ['borg-repo-local', 'backs_up', 'mariadb-rdv'],
      ['restic-repo-offsite', 'runs_on', 'bucket-offsite'],
      ['restic-repo-offsite', 'backs_up', 'pg-dossiers-patients'],
    ],
    person: { email: 'sandrine.roux@clinique-tilleuls.fr', name: 'Sandrine Roux', role: 'requester' },
  },
];

export const DEMO_STAFF = [
  { email: 'paul.martin@vigie.local', name: 'Paul Martin', role: 'manager' as const, supportLevel: null },
  {
    email: 'lea.bernard@vigie.local',
    name: 'Léa Bernard',
    role: 'technician' as const,
    supportLevel: 1 as const,
    specialties: ['workstations'],
  },
  {
    email: 'karim.haddad@vigie.local',
    name: 'Karim Haddad',
    role: 'technician' as const,
    supportLevel: 2 as const,
    specialties: ['network', 'security'],
  },
  {
    email: 'sophie.laurent@vigie.local',
    name: 'Sophie Laurent',
    role: 'technician' as const,
    supportLevel: 3 as const,
    specialties: ['databases', 'backups'],
  },
];

/** Teams and the clients they serve: who sees what follows from here. */
export const DEMO_TEAMS = [
  { name: 'Support N1', members: ['lea.bernard@vigie.local'], clients: ['ACME'] },
  { name: 'Infrastructure N2', members: ['karim.haddad@vigie.local'], clients: ['ACME', 'BATI'] },
  {
    name: 'Experts N3 — données et sauvegardes',
    members: ['sophie.laurent@vigie.local'],
    clients: ['ACME', 'BATI', 'CLINIQ'],
  },
];
