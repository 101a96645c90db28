/** The options page: settings and a plain statement of what is stored (nothing leaves the machine). */
import { render } from 'preact';
import { OptionsForm, type SettingsStore } from '@/components/options/OptionsForm';
import { PrivacyNote } from '@/components/options/PrivacyNote';
import { sendMessage } from '@/utils/messaging';
import { loadSettings, saveSettings } from '@/utils/settings';
import '../popup/style.css';
import './style.css';

const store: SettingsStore = {
  load: loadSettings,
  save: saveSettings,
  prune: () => sendMessage('pruneHistory'),
};

function main() {
  render(
    <main class="tl-popup">
      <h1>Triangle Lens</h1>
      <OptionsForm store={store} />
      <PrivacyNote />
    </main>,
    document.getElementById('app')!,
  );
}

main();
