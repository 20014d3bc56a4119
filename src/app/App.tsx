import { HomeScreen } from './features/home/HomeScreen';
import { usePath } from './platform/router';
import { StatusBar } from './ui/StatusBar';
import { UpdatePrompt } from './ui/UpdatePrompt';
import { NotFound } from './ui/NotFound';

export function App() {
  const path = usePath();
  return (
    <div className="app">
      <StatusBar />
      <UpdatePrompt />
      <main className="screen">{path === '/' ? <HomeScreen /> : <NotFound />}</main>
    </div>
  );
}
