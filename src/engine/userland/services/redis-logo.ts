// The ASCII-art banner redis-server 7.0.15 prints when stdout is a terminal (observed with
// `docker run -t redis` on Docker Engine 28.5.2); "6379" and "PID: 1" are filled in.
export const REDIS_LOGO: string[] = [
  "                _._                                                  ",
  "           _.-``__ ''-._                                             ",
  "      _.-``    `.  `_.  ''-._           Redis 7.0.15 (00000000/0) 64 bit",
  "  .-`` .-```.  ```\\/    _.,_ ''-._                                  ",
  " (    '      ,       .-`  | `,    )     Running in standalone mode",
  " |`-._`-...-` __...-.``-._|'` _.-'|     Port: 6379",
  " |    `-._   `._    /     _.-'    |     PID: 1",
  "  `-._    `-._  `-./  _.-'    _.-'                                   ",
  " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
  " |    `-._`-._        _.-'_.-'    |           https://redis.io       ",
  "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
  " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
  " |    `-._`-._        _.-'_.-'    |                                  ",
  "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
  "      `-._    `-.__.-'    _.-'                                       ",
  "          `-._        _.-'                                           ",
  "              `-.__.-'                                               "
];
