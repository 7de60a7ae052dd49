; Inno Setup 6.3+ script for Zavmo Desktop: a per-machine install of the one-folder bundle.
;
; Build the bundle first (python packaging\build.py), then, from the repository root:
;     iscc /DAppVersion=0.4.0 packaging\windows\zavmo-desktop.iss
; which writes dist\zavmo-desktop-0.4.0-windows-setup.exe.
;
; Silent, for every user, with the organisation's config (for deployment tools):
;     zavmo-desktop-0.4.0-windows-setup.exe /VERYSILENT /ALLUSERS /SUPPRESSMSGBOXES /NORESTART
;         /ORGCONFIG="\\server\share\org.toml"
; /ORGCONFIG copies that file to {commonappdata}\Zavmo\Zavmo Desktop\org.toml, the machine
; config folder the app reads (platformdirs' site_config_dir: C:\ProgramData\Zavmo\Zavmo
; Desktop). A logo or packs the config names by a relative path must be copied beside it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Zavmo Desktop"
#define Bundle "..\..\dist\zavmo-desktop"

[Setup]
; A fixed id: an upgrade replaces the installed version instead of installing beside it.
AppId={{6B0C6E55-2F0E-4C8B-9D0A-7A5E3C1F4D21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Zavmo
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-machine only: /ALLUSERS is the only mode, and installing needs an administrator.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=zavmo-desktop-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\zavmo-desktop.exe
CloseApplications=yes

[Files]
; The whole one-folder bundle: both executables, _internal\, licences\, THIRD-PARTY.txt.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The organisation's config, only when /ORGCONFIG= names one; an existing one is replaced.
Source: "{param:ORGCONFIG}"; DestDir: "{commonappdata}\Zavmo\{#AppName}"; DestName: "org.toml"; \
  Flags: external ignoreversion; Check: OrgConfigGiven

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\zavmo-desktop.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\zavmo-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Put a shortcut on the desktop"; Flags: unchecked

[Run]
Filename: "{app}\zavmo-desktop.exe"; Description: "Start {#AppName}"; \
  Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The learner's own data (in each user's AppData) is never removed by uninstalling.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
function OrgConfigGiven: Boolean;
begin
  Result := ExpandConstant('{param:ORGCONFIG}') <> '';
end;

function InitializeSetup: Boolean;
var
  Config: String;
begin
  Result := True;
  Config := ExpandConstant('{param:ORGCONFIG}');
  if (Config <> '') and not FileExists(Config) then
  begin
    SuppressibleMsgBox('The organisation config file ' + Config + ' was not found. ' +
      'Check the /ORGCONFIG= path and run the installer again.', mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;
